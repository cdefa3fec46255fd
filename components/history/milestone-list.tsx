"use client";

import { useActionState, useTransition } from "react";
import { createMilestoneAction, deleteMilestoneAction } from "@/lib/server/actions/milestones";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Moment } from "@/components/time/moment";
import type { MilestoneView } from "@/lib/server/read-models/project-history";

// The project's milestones; leads name the current state and remove old ones.
export function MilestoneList({ projectId, milestones, canManage }: { projectId: string; milestones: MilestoneView[]; canManage: boolean }) {
  const [state, action, pending] = useActionState(createMilestoneAction, null);
  const [deleting, startTransition] = useTransition();
  const message = formError(state);
  return (
    <div className="space-y-4">
      {canManage && (
        <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="projectId" value={projectId} />
          <div className="w-72">
            <TextField
              id="milestone-name"
              name="name"
              label="Name the current state"
              placeholder="Beta review"
              defaultValue={state?.ok ? "" : previous(state, "name")}
              errors={fieldErrors(state, "name")}
              key={state?.ok ? state.data.milestoneId : "draft"}
            />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save milestone"}
          </Button>
        </form>
      )}
      {message && <Alert>{message}</Alert>}
      {milestones.length === 0 ? (
        <p className="text-sm text-slate-500">No milestones yet. {canManage ? "Save one before a review, then compare later states with it." : "A lead can save one before a review."}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Milestones">
          {milestones.map((milestone) => (
            <li key={milestone.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-milestone={milestone.name}>
              <div className="min-w-0 flex-1">
                <span className="font-medium text-slate-900">{milestone.name}</span>{" "}
                <span className="text-slate-600">
                  · {milestone.readinessPercent}% · {milestone.level > 0 ? `Level ${milestone.level} — ${milestone.levelName}` : milestone.levelName}
                </span>
                <div className="text-xs text-slate-500">
                  <Moment iso={milestone.createdAt} /> by {milestone.createdBy}
                </div>
              </div>
              <a href={`?from=${milestone.id}&to=now#compare`} className="text-sm font-medium text-indigo-700 hover:underline">
                Compare with now<span className="sr-only"> ({milestone.name})</span>
              </a>
              {canManage && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={deleting}
                  onClick={() => {
                    if (!window.confirm(`Delete the milestone “${milestone.name}”? Its saved state cannot be recovered.`)) return;
                    startTransition(async () => void (await deleteMilestoneAction(milestone.id)));
                  }}
                >
                  Delete<span className="sr-only"> milestone {milestone.name}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
