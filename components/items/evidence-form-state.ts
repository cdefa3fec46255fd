"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/server/actions/define-action";

// A form action's state, stamped with each answer: a form keyed by the stamp
// is drawn afresh from its kept values after every answer. React resets a
// form after its action, to each field's default — and a <select>'s default
// is the option it had first, so without a fresh form a refused submission
// would show a different kind from the one chosen.
export type Stamped<T> = (NonNullable<FormState<T>> & { stamp: number }) | null;

let stamps = 0;

/** useActionState over `action`, with `onSuccess` called after a success and a stamp per answer. */
export function useStampedForm<T>(action: (state: FormState<T>, form: FormData) => Promise<FormState<T>>, onSuccess?: (data: T) => void) {
  return useActionState(async (previous: Stamped<T>, form: FormData): Promise<Stamped<T>> => {
    const result = await action(previous, form);
    if (!result) return null;
    if (result.ok) onSuccess?.(result.data);
    stamps += 1;
    return { ...result, stamp: stamps };
  }, null);
}
