"use client";

import { useState, useTransition } from "react";
import { changeRoleAction } from "@/lib/server/actions/members";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { OpenItemsInProject } from "@/lib/domain/members/hand-over";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import type { MemberView } from "@/lib/server/services/members";
import { PasswordResetLink } from "./password-reset-link";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { roleOptions } from "./role-options";

// openItems: per user id, the open items they own per project (admins only),
// for the question of who takes over when they are removed.
export function MemberList({
  members,
  currentUserId,
  manage,
  resetLinks = false,
  openItems = {},
}: {
  members: MemberView[];
  currentUserId: string;
  manage: boolean;
  /** Offer admins a password reset link per member (built-in accounts only). */
  resetLinks?: boolean;
  openItems?: Record<string, OpenItemsInProject[]>;
}) {
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
                {resetLinks && <PasswordResetLink membershipId={member.membershipId} name={member.name} />}
                <RemoveMemberDialog
                  member={member}
                  successors={members.filter((other) => other.userId !== member.userId)}
                  openItems={openItems[member.userId] ?? []}
                  disabled={pending}
                />
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
