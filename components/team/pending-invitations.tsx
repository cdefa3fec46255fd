"use client";

import { useTransition } from "react";
import { revokeInvitationAction } from "@/lib/server/actions/members";
import { Badge } from "@/components/ui/badge";
import { Moment } from "@/components/time/moment";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { InvitationView } from "@/lib/server/services/invitations";

export function PendingInvitations({ invitations }: { invitations: InvitationView[] }) {
  const [pending, startTransition] = useTransition();
  return (
    <ul className="divide-y divide-slate-100">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-wrap items-center gap-3 py-3">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">{invitation.email}</p>
            <p className="text-xs text-slate-500">
              Invited by {invitation.invitedBy ?? "a former member"} · expires <Moment iso={invitation.expiresAt} />
            </p>
          </div>
          <Badge tone="amber">{ROLE_LABELS[invitation.role]}</Badge>
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => startTransition(async () => void (await revokeInvitationAction(invitation.id)))}>
            Revoke<span className="sr-only"> invitation for {invitation.email}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
