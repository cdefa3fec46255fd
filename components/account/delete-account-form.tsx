"use client";

import { useActionState, useState } from "react";
import { deleteAccountAction } from "@/lib/server/actions/account";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { AccountTeam } from "@/lib/server/services/account-deletion";
import { ClerkSignOutNow } from "./clerk-sign-out-now";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// One card per team: who takes over the person's open items there (or
// nobody), or why the deletion cannot go ahead yet; then the e-mail address
// typed as confirmation.
export function DeleteAccountForm({ email, teams }: { email: string; teams: AccountTeam[] }) {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [typed, setTyped] = useState(previous(state, "confirmEmail") ?? "");
  if (state?.ok) return <ClerkSignOutNow />;

  const asks = teams.filter((team) => team.openItems.length > 0 && team.others.length > 0 && !team.lastAdmin);
  const blocked = teams.filter((team) => team.lastAdmin);
  const unanswered = asks.some((team) => !choices[team.teamId]);
  const confirmed = typed.trim().toLowerCase() === email.toLowerCase();
  const message = formError(state);

  return (
    <form action={action} className="space-y-6" noValidate>
      {message && <Alert>{message}</Alert>}
      {teams.map((team) => {
        const total = team.openItems.reduce((sum, project) => sum + project.openItems, 0);
        const field = `successor:${team.teamId}`;
        const errors = fieldErrors(state, `successors.${team.teamId}`);
        return (
          <Card key={team.teamId} title={team.teamName} description={`Your role: ${ROLE_LABELS[team.role]}`}>
            <div className="space-y-3 text-sm text-slate-700">
              {team.lastAdmin ? (
                <Alert>You are the last admin of {team.teamName}, which has other members. Make one of them an admin first (on its Members page), then come back.</Alert>
              ) : team.others.length === 0 ? (
                <p>You are its only member. The team and its projects stay on this installation, without members.</p>
              ) : null}
              {total === 0 ? (
                <p>You own no open items here.</p>
              ) : (
                <>
                  <p>You own {plural(total, "open item")} here:</p>
                  <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
                    {team.openItems.map((project) => (
                      <li key={project.projectId} className="flex justify-between gap-3 px-3 py-2">
                        <span className="truncate text-slate-900">
                          {project.projectName}
                          {project.archived && <span className="text-slate-500"> (archived)</span>}
                        </span>
                        <span className="shrink-0 tabular-nums">{plural(project.openItems, "open item")}</span>
                      </li>
                    ))}
                  </ul>
                  {team.others.length > 0 && !team.lastAdmin && (
                    <div className="space-y-1.5">
                      <label htmlFor={field} className="block font-medium text-slate-900">
                        Who takes over your open items in {team.teamName}?
                      </label>
                      <select
                        id={field}
                        name={field}
                        value={choices[team.teamId] ?? ""}
                        onChange={(event) => setChoices({ ...choices, [team.teamId]: event.target.value })}
                        aria-invalid={errors ? true : undefined}
                        aria-describedby={errors ? `${field}-error` : undefined}
                        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500"
                      >
                        <option value="" disabled>
                          Choose a member…
                        </option>
                        {team.others.map((person) => (
                          <option key={person.userId} value={person.userId}>
                            {person.name}
                          </option>
                        ))}
                        <option value="none">Leave them unassigned</option>
                      </select>
                      {errors && (
                        <p id={`${field}-error`} className="text-xs font-medium text-red-600">
                          {errors.join(" ")}
                        </p>
                      )}
                    </div>
                  )}
                </>
              )}
              <p className="text-xs text-slate-500">Items you own that are done or not applicable will show no owner; each item&apos;s history keeps who owned it.</p>
            </div>
          </Card>
        );
      })}
      <Card title="Confirm">
        <div className="space-y-4">
          <TextField
            name="confirmEmail"
            label={`Type your e-mail address (${email}) to confirm`}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            errors={fieldErrors(state, "confirmEmail")}
          />
          <Button type="submit" variant="danger" disabled={pending || blocked.length > 0 || unanswered || !confirmed}>
            {pending ? "Deleting…" : "Delete my account"}
          </Button>
        </div>
      </Card>
    </form>
  );
}
