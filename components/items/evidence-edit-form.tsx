"use client";

import { updateEvidenceAction } from "@/lib/server/actions/items";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { EvidenceView } from "@/lib/server/read-models/item-page";
import { useStampedForm } from "./evidence-form-state";

// People give evidence any kind but a check's result, which its check writes.
const KINDS = EVIDENCE_KINDS.filter((kind) => kind !== "CHECK_RESULT").map((kind) => ({ value: kind, label: EVIDENCE_KIND_LABEL[kind] }));

/**
 * Edits one piece of evidence in place: kind, link or path, label and
 * re-verify date (blank for none). A refused edit shows every field as typed
 * next to its error; a saved one calls `onDone`.
 */
export function EvidenceEditForm({ evidence, onDone }: { evidence: EvidenceView; onDone: () => void }) {
  const [state, action, pending] = useStampedForm(updateEvidenceAction, onDone);
  const kept = state && !state.ok ? state.values : undefined;
  const message = formError(state);
  const prefix = `evidence-${evidence.id}`;
  return (
    <form key={state?.stamp ?? 0} action={action} className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3" aria-label={`Edit evidence ${evidence.label}`} noValidate>
      <input type="hidden" name="evidenceId" value={evidence.id} />
      {message && <Alert>{message}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
        <SelectField name="kind" id={`${prefix}-kind`} label="Kind" defaultValue={kept?.kind ?? evidence.kind} options={KINDS} errors={fieldErrors(state, "kind")} />
        <TextField
          name="target"
          id={`${prefix}-target`}
          label="URL or repository path"
          defaultValue={kept?.target ?? evidence.url ?? evidence.path ?? ""}
          errors={fieldErrors(state, "target")}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <TextField name="label" id={`${prefix}-label`} label="Label" defaultValue={kept?.label ?? evidence.label} errors={fieldErrors(state, "label")} />
        <TextField
          name="expiresAt"
          id={`${prefix}-expiry`}
          label="Re-verify by (blank for never)"
          type="date"
          defaultValue={kept?.expiresAt ?? evidence.expiresOn ?? ""}
          errors={fieldErrors(state, "expiresAt")}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save evidence"}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
