"use client";

import { useActionState, useState } from "react";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FAILING_STATUSES } from "@/lib/domain/checks/verdict";
import { STATUS_LABEL } from "@/lib/domain/readiness/vocabulary";
import { CHECK_KINDS, type CheckKind } from "@/lib/schemas/check-settings";
import { addCheckAction } from "@/lib/server/actions/checks";
import { CHECK_KIND_DESCRIPTION, CHECK_KIND_LABEL } from "./check-kinds";
import { CHECK_KIND_FIELDS } from "./kinds";

const isKind = (value: string | undefined): value is CheckKind => CHECK_KINDS.includes(value as CheckKind);

/**
 * "Add a check" on an item: the kind, that kind's settings (./kinds), how
 * often it runs, how many failures in a row make the item fall, and to what.
 * Errors come back per field from the settings' schema ("settings.url").
 */
export function AddCheckForm({ itemId }: { itemId: string }) {
  const [open, setOpen] = useState(false);
  // Once the form closes (added, or cancelled), focus goes back to the
  // button that opened it rather than to the top of the page.
  const [closed, setClosed] = useState(false);
  const close = () => {
    setOpen(false);
    setClosed(true);
  };
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof addCheckAction>>, form: FormData) => {
    const next = await addCheckAction(previous, form);
    if (next?.ok) close();
    return next;
  }, null);
  const kept = state && !state.ok ? state.values : undefined;
  const [kind, setKind] = useState<CheckKind>(isKind(kept?.kind) ? kept.kind : "http");
  if (!open) {
    return (
      <div className="space-y-3">
        {state?.ok && <Alert tone="success">Check added. Its first run is due now, then it runs on its schedule; until its first verdict the item counts as not evaluated yet.</Alert>}
        <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)} autoFocus={closed}>
          Add a check
        </Button>
      </div>
    );
  }
  const Fields = CHECK_KIND_FIELDS[kind];
  // The last submission's settings and their errors belong to the kind it was
  // sent with: another kind's fields with the same names start afresh.
  const ofThisKind = (name: string) => !name.startsWith("settings.") || kept?.kind === kind;
  const value = (name: string) => (ofThisKind(name) ? kept?.[name] : undefined);
  const errors = (name: string) => (ofThisKind(name) ? fieldErrors(state, name) : undefined);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4 rounded-lg bg-slate-50 p-3" aria-label="Add a check" noValidate>
      <input type="hidden" name="itemId" value={itemId} />
      {message && <Alert>{message}</Alert>}
      <div className="space-y-1">
        <SelectField
          name="kind"
          id="check-kind"
          label="Kind of check"
          value={kind}
          onChange={(event) => setKind(event.target.value as CheckKind)}
          // Opened from the keyboard, the form is where focus goes next.
          autoFocus
          errors={errors("kind")}
          options={CHECK_KINDS.map((k) => ({ value: k, label: CHECK_KIND_LABEL[k] }))}
        />
        <p className="text-xs text-slate-500">{CHECK_KIND_DESCRIPTION[kind]}</p>
      </div>
      {/* Keyed by kind: another kind's fields start from their own defaults. */}
      <Fields key={kind} value={value} errors={errors} />
      <fieldset className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-3">
        <legend className="sr-only">Schedule and failures</legend>
        <TextField name="intervalMinutes" id="check-interval" label="Every (minutes)" type="number" min="5" max="1440" defaultValue={value("intervalMinutes") ?? "60"} errors={errors("intervalMinutes")} />
        <TextField
          name="failuresBeforeFailing"
          id="check-failures"
          label="Failures before failing"
          type="number"
          min="1"
          max="10"
          defaultValue={value("failuresBeforeFailing") ?? "2"}
          errors={errors("failuresBeforeFailing")}
        />
        <SelectField
          name="failingStatus"
          id="check-failing-status"
          label="Then the item is"
          defaultValue={value("failingStatus") ?? "MISSING"}
          errors={errors("failingStatus")}
          options={FAILING_STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }))}
        />
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Adding…" : "Add check"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={close}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
