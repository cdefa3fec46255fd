"use client";

import { useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/(app)/members/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import type { MemberView } from "@/lib/server/services/members";
import { roleOptions } from "./role-options";

export function MemberList({ members, currentUserId, manage }: { members: MemberView[]; currentUserId: string; manage: boolean }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? undefined : result.error?.message);
    });

  return (
    <div className="space-y-3">
      {error && <Alert>{error}</Alert>}
      <ul className="divide-y divide-slate-100" aria-busy={pending}>
        {members.map((member) => (
          <li key={member.membershipId} className="flex flex-wrap items-center gap-3 py-3">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-slate-900">
                {member.name} {member.userId === currentUserId && <span className="text-slate-500">(you)</span>}
              </p>
              <p className="truncate text-xs text-slate-500">{member.email}</p>
            </div>
            {manage ? (
              <>
                <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
                  Role of {member.name}
                </label>
                <select
                  id={`role-${member.membershipId}`}
                  value={member.role}
                  disabled={pending}
                  onChange={(event) => run(() => changeRoleAction(member.membershipId, event.target.value as Role))}
                  className="rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
                >
                  {roleOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
                <Button
                  variant="danger"
                  size="sm"
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm(`Remove ${member.name} from the team?`)) run(() => removeMemberAction(member.membershipId));
                  }}
                >
                  Remove<span className="sr-only"> {member.name}</span>
                </Button>
              </>
            ) : (
              <Badge tone={member.role === "ADMIN" ? "indigo" : "slate"}>{ROLE_LABELS[member.role]}</Badge>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
