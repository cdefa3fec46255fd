"use client";

import { useActionState, useState } from "react";
import { createItemAction } from "@/lib/server/actions/items";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PRIORITIES, PRIORITY_LABEL } from "@/lib/domain/readiness/vocabulary";

export function AddItemForm({ categoryId, categoryName }: { categoryId: string; categoryName: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof createItemAction>>, form: FormData) => {
    const next = await createItemAction(previous, form);
    if (next?.ok) setOpen(false);
    return next;
  }, null);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-sm font-medium text-indigo-600 hover:underline">
        + Add item to {categoryName}
      </button>
    );
  }
  const message = formError(state);
  return (
    <form action={action} className="space-y-3 rounded-lg bg-slate-50 p-3" aria-label={`Add item to ${categoryName}`} noValidate>
      <input type="hidden" name="categoryId" value={categoryId} />
      {message && <Alert>{message}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <TextField name="title" id={`title-${categoryId}`} label="Title" required autoFocus defaultValue={state?.values?.title} errors={fieldErrors(state, "title")} />
        <SelectField
          name="priority"
          id={`priority-${categoryId}`}
          label="Priority"
          defaultValue={state?.values?.priority ?? "MEDIUM"}
          options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
        />
        <TextField name="effortHours" id={`effort-${categoryId}`} label="Effort (hours)" type="number" step="0.25" min="0" defaultValue={state?.values?.effortHours} errors={fieldErrors(state, "effortHours")} />
      </div>
      <TextField name="key" id={`key-${categoryId}`} label="Key (optional)" hint="Stable identifier for the API and imports; made from the title when empty." defaultValue={state?.values?.key} errors={fieldErrors(state, "key")} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>{pending ? "Adding…" : "Add item"}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
