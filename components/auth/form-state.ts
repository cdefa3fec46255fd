import type { FormState } from "@/lib/server/actions/define-action";

// Any action's form state: these read only its errors and kept values.
type Stateful = FormState<unknown>;

// Field errors and form-level message of a failed submission.
export function fieldErrors(state: Stateful, name: string): string[] | undefined {
  return state && !state.ok ? state.error?.fields?.[name] : undefined;
}

export function formError(state: Stateful): string | undefined {
  if (!state || state.ok || !state.error) return undefined;
  return state.error.fields?._form?.join(" ") ?? (state.error.code === "VALIDATION" ? undefined : state.error.message);
}

export const previous = (state: Stateful, name: string) => state?.values?.[name];
