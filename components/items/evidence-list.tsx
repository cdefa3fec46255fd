"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { addEvidenceAction, removeEvidenceAction, restoreEvidenceAction } from "@/lib/server/actions/items";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { formatDay } from "@/lib/domain/format";
import { repositoryFileUrl } from "@/lib/domain/repository-links";
import { Moment } from "@/components/time/moment";
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { EvidenceView } from "@/lib/server/read-models/item-page";
import { EvidenceEditForm } from "./evidence-edit-form";
import { useStampedForm } from "./evidence-form-state";

// How long "Evidence removed. Undo" stays: the server allows the undo for
// minutes (restoreEvidence), so the offer never outlives what it offers.
const UNDO_MS = 8_000;

const linkClass = "font-medium text-indigo-600 hover:underline";

function EvidenceTarget({ evidence, repositoryUrl }: { evidence: EvidenceView; repositoryUrl: string | null }) {
  // Only http(s) URLs are stored as links (checked on input); a path links
  // to its file when the project's repository is on a host we know.
  const href = evidence.url ?? (evidence.path ? repositoryFileUrl(repositoryUrl, evidence.path) : null);
  if (href) {
    return (
      <>
        <a href={href} rel="noopener noreferrer nofollow" target="_blank" className={linkClass}>
          {evidence.label}
        </a>
        {evidence.path && evidence.path !== evidence.label && <code className="text-xs text-slate-500">{evidence.path}</code>}
      </>
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
  // The project's repository, which file paths link into.
  repositoryUrl: string | null;
  canAdd: boolean;
  canRemove: boolean;
};

export function EvidenceList({ itemId, evidence, removal, repositoryUrl, canAdd, canRemove }: Props) {
  const [state, action, pending] = useStampedForm(addEvidenceAction);
  const [removing, startRemoving] = useTransition();
  // Its own transition: the removal's lasts until the page has refreshed,
  // and the Undo button must take the focus before then.
  const [undoing, startUndoing] = useTransition();
  const [confirming, setConfirming] = useState<EvidenceView | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<EvidenceView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const message = formError(state);
  const kept = state && !state.ok ? state.values : undefined;

  // The offer to undo lasts UNDO_MS; the button takes the focus the removed
  // row's button had, once the dialog has given it back.
  useEffect(() => {
    if (!removed) return;
    const focus = setTimeout(() => undoButton.current?.focus(), 50);
    const expire = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => {
      clearTimeout(focus);
      clearTimeout(expire);
    };
  }, [removed]);

  const remove = (target: EvidenceView) =>
    startRemoving(async () => {
      const result = await removeEvidenceAction(target.id);
      setConfirming(null);
      setProblem(result.ok ? null : result.error.message);
      if (result.ok) setRemoved(target);
    });

  const undo = (target: EvidenceView) =>
    startUndoing(async () => {
      const result = await restoreEvidenceAction(target.id);
      setRemoved(null);
      setProblem(result.ok ? null : result.error.message);
    });

  return (
    <div className="space-y-4">
      {evidence.length === 0 ? (
        <p className="text-sm text-slate-500">No evidence yet. Link the pull request, CI run, document or file that proves this item.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Evidence">
          {evidence.map((e) => (
            <li key={e.id} className="py-2.5">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge>{EVIDENCE_KIND_LABEL[e.kind]}</Badge>
                    <EvidenceTarget evidence={e} repositoryUrl={repositoryUrl} />
                    {e.expiresOn && (e.expired ? <Badge tone="amber">Expired {formatDay(e.expiresOn)}</Badge> : <Badge tone="sky">Re-verify by {formatDay(e.expiresOn)}</Badge>)}
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    Added by {e.addedByName ?? "a former member"} · <Moment iso={e.createdAt} />
                  </p>
                </div>
                <div className="flex gap-1">
                  {canAdd && e.kind !== "CHECK_RESULT" && editing !== e.id && (
                    <Button size="sm" variant="ghost" aria-label={`Edit evidence ${e.label}`} onClick={() => setEditing(e.id)}>
                      Edit
                    </Button>
                  )}
                  {canRemove && (
                    <Button size="sm" variant="ghost" disabled={removing} aria-label={`Remove evidence ${e.label}`} onClick={() => setConfirming(e)}>
                      Remove
                    </Button>
                  )}
                </div>
              </div>
              {editing === e.id && <EvidenceEditForm evidence={e} onDone={() => setEditing(null)} />}
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite" className="empty:hidden">
        {removed && (
          <div className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-900 px-3 py-2 text-sm text-white">
            <span>Evidence removed.</span>
            <button ref={undoButton} type="button" className="font-semibold text-indigo-200 underline hover:text-white" disabled={undoing} onClick={() => undo(removed)}>
              Undo
            </button>
          </div>
        )}
      </div>
      {problem && <Alert>{problem}</Alert>}
      <Dialog open={confirming !== null} onOpenChange={(open) => !open && setConfirming(null)}>
        {confirming && (
          <DialogContent title={`Remove the evidence “${confirming.label}”?`} description={removal[confirming.id]?.effect}>
            <p className="text-sm text-slate-600">The removal is recorded in the item&apos;s history; you can undo it for a few seconds.</p>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" size="sm">
                  Keep it
                </Button>
              </DialogClose>
              <Button size="sm" variant={removal[confirming.id]?.lowersStanding ? "danger" : "primary"} disabled={removing} onClick={() => remove(confirming)}>
                {removing ? "Removing…" : "Remove evidence"}
              </Button>
            </DialogFooter>
          </DialogContent>
        )}
      </Dialog>
      {canAdd && (
        <form key={state?.stamp ?? 0} action={action} className="space-y-3 rounded-lg bg-slate-50 p-3" aria-label="Add evidence" noValidate>
          <input type="hidden" name="itemId" value={itemId} />
          {message && <Alert>{message}</Alert>}
          {state?.ok && <Alert tone="success">Evidence added.</Alert>}
          <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
            <SelectField
              name="kind"
              id="evidence-kind"
              label="Kind"
              defaultValue={kept?.kind ?? "PULL_REQUEST"}
              options={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: EVIDENCE_KIND_LABEL[kind] }))}
              errors={fieldErrors(state, "kind")}
            />
            <TextField
              name="target"
              id="evidence-target"
              label="URL or repository path"
              placeholder="github.com/… or src/…"
              defaultValue={kept?.target ?? ""}
              errors={fieldErrors(state, "target")}
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
            <TextField name="label" id="evidence-label" label="Label (optional)" defaultValue={kept?.label ?? ""} errors={fieldErrors(state, "label")} />
            <TextField name="expiresAt" id="evidence-expiry" label="Re-verify by (optional)" type="date" defaultValue={kept?.expiresAt ?? ""} errors={fieldErrors(state, "expiresAt")} />
          </div>
          <Button type="submit" size="sm" disabled={pending}>{pending ? "Adding…" : "Add evidence"}</Button>
        </form>
      )}
    </div>
  );
}
