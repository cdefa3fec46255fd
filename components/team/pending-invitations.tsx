"use client";

import { useState, useTransition } from "react";
import { reissueInvitationAction, revokeInvitationAction } from "@/lib/server/actions/members";
import { Alert } from "@/components/ui/alert";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Badge } from "@/components/ui/badge";
import { Moment } from "@/components/time/moment";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { OpenInvitationView } from "@/lib/server/services/invitations";

// Pending and expired invitations: each can be revoked, or sent again with a
// fresh link (the old one stops working), shown once below.
export function PendingInvitations({ invitations }: { invitations: OpenInvitationView[] }) {
  const [pending, startTransition] = useTransition();
  const [reissued, setReissued] = useState<{ email: string; link: string; emailed: boolean } | { error: string }>();
  const reissue = (invitationId: string) =>
    startTransition(async () => {
      const outcome = await reissueInvitationAction(invitationId);
      setReissued(outcome.ok ? outcome.data : { error: outcome.error.message });
    });
  return (
    <div className="space-y-3">
    {reissued && ("link" in reissued ? (
      <OneTimeSecret
        title={`New invitation link for ${reissued.email} created${reissued.emailed ? " and emailed" : ""}; the old link no longer works.`}
        instruction="Send them this link (it is shown only once):"
        label="New invitation link"
        value={reissued.link}
        testId="reissued-invitation-link"
      />
    ) : (
      <Alert>{reissued.error}</Alert>
    ))}
    <ul className="divide-y divide-slate-100">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-wrap items-center gap-3 py-3">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">{invitation.email}</p>
            <p className="text-xs text-slate-500">
              Invited by {invitation.invitedBy ?? "a former member"} · {invitation.expired ? "expired" : "expires"} <Moment iso={invitation.expiresAt} />
            </p>
          </div>
          {invitation.expired && <Badge tone="slate">Expired</Badge>}
          <Badge tone="amber">{ROLE_LABELS[invitation.role]}</Badge>
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => reissue(invitation.id)}>
            New link<span className="sr-only"> for {invitation.email}</span>
          </Button>
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => startTransition(async () => void (await revokeInvitationAction(invitation.id)))}>
            Revoke<span className="sr-only"> invitation for {invitation.email}</span>
          </Button>
        </li>
      ))}
    </ul>
    </div>
  );
}
