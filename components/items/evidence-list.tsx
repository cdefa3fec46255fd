"use client";

import { useActionState, useState, useTransition } from "react";
import { addEvidenceAction, removeEvidenceAction } from "@/lib/server/actions/items";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { formatDay } from "@/lib/domain/format";
import { Moment } from "@/components/time/moment";
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { EvidenceView } from "@/lib/server/read-models/item-page";

function EvidenceTarget({ evidence }: { evidence: EvidenceView }) {
  // Only http(s) URLs are stored as links (checked on input); paths are text.
  if (evidence.url) {
    return (
      <a href={evidence.url} rel="noopener noreferrer nofollow" target="_blank" className="font-medium text-indigo-600 hover:underline">
        {evidence.label}
      </a>
    );
  }
  return (
    <span className="font-medium text-slate-900">
      {evidence.label}
      {evidence.path && evidence.path !== evidence.label && <code className="ml-2 text-xs text-slate-500">{evidence.path}</code>}
    </span>
  );
}

type Props = {
  itemId: string;
  evidence: EvidenceView[];
  // What removing each piece would do to the item (ItemPage.evidenceRemoval).
  removal: Record<string, { effect: string; lowersStanding: boolean }>;
  canAdd: boolean;
  canRemove: boolean;
};

export function EvidenceList({ itemId, evidence, removal, canAdd, canRemove }: Props) {
  const [state, action, pending] = useActionState(addEvidenceAction, null);
  const [removing, startRemoving] = useTransition();
  const [confirming, setConfirming] = useState<EvidenceView | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const message = formError(state);
  return (
    <div className="space-y-4">
      {evidence.length === 0 ? (
        <p className="text-sm text-slate-500">No evidence yet. Link the pull request, CI run, document or file that proves this item.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Evidence">
          {evidence.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 py-2.5">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge>{EVIDENCE_KIND_LABEL[e.kind]}</Badge>
                  <EvidenceTarget evidence={e} />
                  {e.expiresOn && (e.expired ? <Badge tone="amber">Expired {formatDay(e.expiresOn)}</Badge> : <Badge tone="sky">Re-verify by {formatDay(e.expiresOn)}</Badge>)}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  Added by {e.addedByName ?? "a former member"} · <Moment iso={e.createdAt} />
                </p>
              </div>
              {canRemove && (
                <Button size="sm" variant="ghost" disabled={removing} aria-label={`Remove evidence ${e.label}`} onClick={() => setConfirming(e)}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removeError && <Alert>{removeError}</Alert>}
      <Dialog open={confirming !== null} onOpenChange={(open) => !open && setConfirming(null)}>
        {confirming && (
          <DialogContent title={`Remove the evidence “${confirming.label}”?`} description={removal[confirming.id]?.effect}>
            <p className="text-sm text-slate-600">The removal is recorded in the item&apos;s history.</p>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" size="sm">
                  Keep it
                </Button>
              </DialogClose>
              <Button
                size="sm"
                variant={removal[confirming.id]?.lowersStanding ? "danger" : "primary"}
                disabled={removing}
                onClick={() =>
                  startRemoving(async () => {
                    const result = await removeEvidenceAction(confirming.id);
                    setRemoveError(result.ok ? null : result.error.message);
                    setConfirming(null);
                  })
                }
              >
                {removing ? "Removing…" : "Remove evidence"}
              </Button>
            </DialogFooter>
          </DialogContent>
        )}
      </Dialog>
      {canAdd && (
        <form action={action} className="space-y-3 rounded-lg bg-slate-50 p-3" aria-label="Add evidence" noValidate>
          <input type="hidden" name="itemId" value={itemId} />
          {message && <Alert>{message}</Alert>}
          {state?.ok && <Alert tone="success">Evidence added.</Alert>}
          <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
            <SelectField
              name="kind"
              id="evidence-kind"
              label="Kind"
              defaultValue={state?.ok ? "PULL_REQUEST" : (state?.values?.kind ?? "PULL_REQUEST")}
              options={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: EVIDENCE_KIND_LABEL[kind] }))}
            />
            <TextField
              name="target"
              id="evidence-target"
              label="URL or repository path"
              placeholder="https://… or src/…"
              key={state?.ok ? "reset" : "keep"}
              defaultValue={state?.ok ? "" : state?.values?.target}
              errors={fieldErrors(state, "target")}
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
            <TextField name="label" id="evidence-label" label="Label (optional)" key={state?.ok ? "r" : "k"} defaultValue={state?.ok ? "" : state?.values?.label} errors={fieldErrors(state, "label")} />
            <TextField name="expiresAt" id="evidence-expiry" label="Re-verify by (optional)" type="date" defaultValue={state?.ok ? "" : state?.values?.expiresAt} errors={fieldErrors(state, "expiresAt")} />
          </div>
          <Button type="submit" size="sm" disabled={pending}>{pending ? "Adding…" : "Add evidence"}</Button>
        </form>
      )}
    </div>
  );
}
