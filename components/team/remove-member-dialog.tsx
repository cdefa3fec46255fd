"use client";

import { useId, useState, useTransition } from "react";
import { removeMemberAction } from "@/lib/server/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import type { OpenItemsInProject } from "@/lib/domain/members/hand-over";

const UNASSIGNED = "none";
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// Removing a member asks who takes over their open items (or leaves them
// unassigned) before anything happens; the removal and the hand-over are one
// step on the server.
export function RemoveMemberDialog({
  member,
  successors,
  openItems,
  disabled,
}: {
  member: { membershipId: string; name: string };
  successors: { userId: string; name: string }[];
  openItems: OpenItemsInProject[];
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [pending, startTransition] = useTransition();
  const selectId = useId();
  const total = openItems.reduce((sum, project) => sum + project.openItems, 0);
  const mustChoose = total > 0 && choice === "";

  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setChoice("");
      setError(undefined);
    }
  };
  const remove = () =>
    startTransition(async () => {
      const result = await removeMemberAction(member.membershipId, choice === "" || choice === UNASSIGNED ? null : choice);
      if (result.ok) return reset(false);
      setError({ message: result.error.fields?.successorId?.join(" ") ?? result.error.message, field: result.error.fields?.successorId ? "successorId" : undefined });
    });

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button variant="danger" size="sm" disabled={disabled}>
          Remove<span className="sr-only"> {member.name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={`Remove ${member.name} from the team?`} description="They lose access to this team's projects at once. Nothing they did is erased from the history.">
        {error && !error.field && <Alert>{error.message}</Alert>}
        {total > 0 ? (
          <div className="space-y-4">
            <div>
              <p className="text-sm text-slate-700">
                {member.name} owns {plural(total, "open item")}:
              </p>
              <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={`Open items of ${member.name} per project`}>
                {openItems.map((project) => (
                  <li key={project.projectId} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                    <span className="truncate text-slate-900">
                      {project.projectName}
                      {project.archived && <span className="text-slate-500"> (archived)</span>}
                    </span>
                    <span className="shrink-0 tabular-nums text-slate-600">{plural(project.openItems, "open item")}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div className="space-y-1.5">
              <label htmlFor={selectId} className="block text-sm font-medium text-slate-900">
                Who takes over these items?
              </label>
              <select
                id={selectId}
                value={choice}
                onChange={(event) => setChoice(event.target.value)}
                aria-invalid={error?.field ? true : undefined}
                aria-describedby={error?.field ? `${selectId}-error` : undefined}
                className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500"
              >
                <option value="" disabled>
                  Choose a member…
                </option>
                {successors.map((person) => (
                  <option key={person.userId} value={person.userId}>
                    {person.name}
                  </option>
                ))}
                <option value={UNASSIGNED}>Leave them unassigned</option>
              </select>
              {error?.field && (
                <p id={`${selectId}-error`} className="text-xs font-medium text-red-600">
                  {error.message}
                </p>
              )}
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-700">{member.name} owns no open items.</p>
        )}
        <p className="mt-4 text-xs text-slate-500">
          Items {member.name} owns that are done or not applicable will show no owner; each item&apos;s history keeps who owned it.
        </p>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant="danger" onClick={remove} disabled={pending || mustChoose}>
            {pending ? "Removing…" : `Remove ${member.name}`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
