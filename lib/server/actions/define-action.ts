import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor, requireIdentity } from "@/lib/server/access/current-actor";
import type { Identity } from "@/lib/server/identity/identity";
import type { UserActor } from "@/lib/server/kernel/actor";
import { AppError } from "@/lib/server/kernel/errors";
import { formValues, runAction, type ActionResult } from "./action-result";
import { markActionStarted } from "./action-started";
import type { PagePath } from "./pages";

/**
 * What a form's action gives useActionState: null before the first
 * submission, then the result. A failure carries the submitted text fields
 * (`values`) so that the form can show them again next to their errors.
 */
export type FormState<T = undefined> = (ActionResult<T> & { values?: Record<string, string> }) | null;

// Who an action acts as. `member` (the default): the signed-in person in
// their selected team; `person`: signed in, team or not (creating a team,
// deleting the account); `anyone`: signing in, setting up. Visitors who must
// sign in first are sent there, as pages send them.
const SUBJECTS = { member: () => requireActor(), person: () => requireIdentity(), anyone: async () => null };
type Subjects = { member: UserActor; person: Identity; anyone: null };
type As = keyof Subjects;

// The form's fields to show again after a failure: `true`, every text field;
// `{ keep }`, only those named (leaving secrets out).
type FormOption = true | { keep: string[] };

// What `run` takes after the subject: the FormData, or the action's arguments.
type Input<F, I extends unknown[]> = F extends FormOption ? [form: FormData] : I;
// What `revalidate` and `redirect` are given with the result: the FormData, or the arguments as a tuple.
type Given<F, I extends unknown[]> = F extends FormOption ? FormData : I;

type Definition<S extends As, F extends FormOption | undefined, I extends unknown[], T> = {
  /** Who acts; the signed-in member by default. */
  as?: S;
  /** Set for a form's action (useActionState): `run` then takes the FormData. */
  form?: F;
  /** The one call the action makes: a service's, with the subject and the action's arguments. */
  run: (subject: Subjects[S], ...input: Input<F, I>) => Promise<T>;
  /** After a success only: the pages that show what changed (pages.ts). */
  revalidate?: (data: T, input: NoInfer<Given<F, I>>) => PagePath[];
  /** After a success only: where to go next. */
  redirect?: (data: T, input: NoInfer<Given<F, I>>) => string | null;
};

type Defined<F, I extends unknown[], T> = F extends FormOption
  ? (state: FormState<T>, form: FormData) => Promise<FormState<T>>
  : (...args: I) => Promise<ActionResult<T>>;

const MALFORMED = new AppError("VALIDATION", "The request is malformed: this form's action takes the form's fields.", { _form: ["The request is malformed: send the form again."] }).toBody();

/**
 * Every server action: who acts (`as`), the one service call (`run`), its
 * failures as the one error shape (runAction: expected errors by code,
 * anything else logged and hidden), and after a success only, revalidation of
 * the pages given and an optional redirect. A form's action keeps the
 * submitted values on failure.
 */
export function defineAction<T, I extends unknown[] = [], S extends As = "member", F extends FormOption | undefined = undefined>(
  action: Definition<S, F, I, T>,
): Defined<F, I, T> {
  // The types above hold for callers; inside, every kind of action is one.
  const { as = "member", form, run, revalidate, redirect: next } = action as unknown as {
    as?: As;
    form?: FormOption;
    run: (subject: unknown, ...input: unknown[]) => Promise<T>;
    revalidate?: (data: T, given: unknown) => PagePath[];
    redirect?: (data: T, given: unknown) => string | null;
  };
  const perform = async (input: unknown[]): Promise<ActionResult<T>> => {
    markActionStarted();
    const subject = await SUBJECTS[as]();
    const result = await runAction(() => run(subject, ...input));
    if (!result.ok) return result;
    const given = form ? input[0] : input;
    for (const path of revalidate?.(result.data, given) ?? []) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path[0], path[1]);
    }
    const to = next?.(result.data, given);
    if (to) redirect(to);
    return result;
  };
  if (!form) return ((...args: unknown[]) => perform(args)) as Defined<F, I, T>;
  const keep = form === true ? undefined : form.keep;
  const formAction = async (_state: FormState<T>, submitted: FormData): Promise<FormState<T>> => {
    markActionStarted();
    // A crafted request can call a form's action with anything; only a form is read.
    if (!(submitted instanceof FormData)) return { ok: false, error: MALFORMED };
    const result = await perform([submitted]);
    return result.ok ? result : { ...result, values: formValues(submitted, keep) };
  };
  return formAction as Defined<F, I, T>;
}

/** A form's text fields as a service's input (the last value of a repeated field). */
export const fieldsOf = (form: FormData): Record<string, string> => formValues(form);
