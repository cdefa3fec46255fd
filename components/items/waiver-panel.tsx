"use client";

import { useActionState, useState, useTransition } from "react";
import { decideWaiverAction, requestWaiverAction, withdrawWaiverAction } from "@/lib/server/actions/items";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";

import { formatDay } from "@/lib/domain/format";
import { Moment } from "@/components/time/moment";
import type { WaiverView } from "@/lib/server/read-models/item-page";

const STATUS: Record<WaiverView["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Awaiting decision", tone: "amber" },
  APPROVED: { label: "Approved", tone: "violet" },
  REJECTED: { label: "Rejected", tone: "red" },
  WITHDRAWN: { label: "Withdrawn", tone: "slate" },
};

function isOpen(waiver: WaiverView) {
  return waiver.status === "PENDING" || (waiver.status === "APPROVED" && !waiver.expired);
}

function Decision({ waiver }: { waiver: WaiverView }) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const decide = (decision: "APPROVE" | "REJECT") =>
    start(async () => {
      const result = await decideWaiverAction(waiver.id, decision, note);
      setError(result.ok ? null : result.error.message);
    });
  return (
    <div className="mt-3 space-y-2">
      {error && <Alert>{error}</Alert>}
      <label className="block text-xs text-slate-600">
        Decision note (optional)
        <input value={note} onChange={(e) => setNote(e.target.value)} className="mt-0.5 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
      </label>
      <div className="flex gap-2">
        <Button size="sm" disabled={pending} onClick={() => decide("APPROVE")}>Approve waiver</Button>
        <Button size="sm" variant="danger" disabled={pending} onClick={() => decide("REJECT")}>Reject</Button>
      </div>
    </div>
  );
}

export function WaiverPanel({ itemId, waivers, userId, canRequest, canDecide }: {
  itemId: string;
  waivers: WaiverView[];
  userId: string;
  canRequest: boolean;
  canDecide: boolean;
}) {
  const [state, action, pending] = useActionState(requestWaiverAction, null);
  const [withdrawing, startWithdraw] = useTransition();
  const open = waivers.find(isOpen);
  const message = formError(state);
  return (
    <div className="space-y-4">
      {waivers.length === 0 && <p className="text-sm text-slate-500">No waiver. A waiver accepts the risk of launching without this item, with a reason and an expiry.</p>}
      <ul className="space-y-3">
        {waivers.map((waiver) => (
          <li key={waiver.id} className="rounded-lg p-3 ring-1 ring-slate-200" data-testid="waiver">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={STATUS[waiver.status].tone}>{STATUS[waiver.status].label}</Badge>
              {waiver.status === "APPROVED" && (waiver.expired ? <Badge tone="amber">Expired</Badge> : <span className="text-xs text-slate-600">valid until {formatDay(waiver.expiresOn)}</span>)}
              {waiver.status === "PENDING" && <span className="text-xs text-slate-600">would last until {formatDay(waiver.expiresOn)}</span>}
            </div>
            <p className="mt-2 text-sm text-slate-800">“{waiver.reason}”</p>
            <p className="mt-1 text-xs text-slate-500">
              Requested by {waiver.requestedByName ?? "a former member"} · <Moment iso={waiver.createdAt} />
              {waiver.decidedByName && waiver.decidedAt && (
                <>
                  {` · ${STATUS[waiver.status].label.toLowerCase()} by ${waiver.decidedByName} `}
                  <Moment iso={waiver.decidedAt} />
                </>
              )}
            </p>
            {waiver.decisionNote && <p className="mt-1 text-xs italic text-slate-600">{waiver.decisionNote}</p>}
            {waiver.status === "PENDING" && canDecide && waiver.requestedById !== userId && <Decision waiver={waiver} />}
            {waiver.status === "PENDING" && canDecide && waiver.requestedById === userId && (
              <p className="mt-2 text-xs text-slate-500">Another lead or admin must decide on your own request.</p>
            )}
            {isOpen(waiver) && (waiver.requestedById === userId || canDecide) && (
              <button
                type="button"
                disabled={withdrawing}
                onClick={() => startWithdraw(async () => void (await withdrawWaiverAction(waiver.id)))}
                className="mt-2 text-xs font-medium text-slate-600 underline hover:text-slate-900"
              >
                {waiver.status === "PENDING" ? "Withdraw request" : "End waiver now"}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canRequest && !open && (
        <form action={action} className="space-y-3 rounded-lg bg-slate-50 p-3" aria-label="Request a waiver" noValidate>
          <input type="hidden" name="itemId" value={itemId} />
          {message && <Alert>{message}</Alert>}
          <TextAreaField name="reason" id="waiver-reason" label="Why is the risk acceptable?" rows={2} defaultValue={state?.ok ? "" : state?.values?.reason} errors={fieldErrors(state, "reason")} />
          <TextField name="expiresAt" id="waiver-expiry" label="Waiver expires on" type="date" defaultValue={state?.ok ? "" : state?.values?.expiresAt} errors={fieldErrors(state, "expiresAt")} />
          <Button type="submit" size="sm" variant="secondary" disabled={pending}>{pending ? "Requesting…" : "Request waiver"}</Button>
        </form>
      )}
    </div>
  );
}
