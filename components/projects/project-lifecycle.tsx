"use client";

import { useActionState, useState, useTransition } from "react";
import { archiveProjectAction, deleteProjectAction } from "@/lib/server/actions/projects";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function ArchiveProject({ projectId, archived }: { projectId: string; archived: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {archived ? "This project is archived: read only and hidden from the project list." : "Archiving makes the project read only and hides it from the project list. It can be restored."}
      </p>
      {error && <Alert>{error}</Alert>}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await archiveProjectAction(projectId, !archived);
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {archived ? "Restore project" : "Archive project"}
      </Button>
    </div>
  );
}

export function DeleteProject({ projectId, name }: { projectId: string; name: string }) {
  const [state, action, pending] = useActionState(deleteProjectAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Delete project">
      <input type="hidden" name="projectId" value={projectId} />
      <p className="text-sm text-slate-600">
        Deletes the project with all its categories, items, evidence, waivers and discussions. The activity log keeps a record. This cannot be undone.
      </p>
      {message && <Alert>{message}</Alert>}
      <TextField name="confirmName" label={`Type “${name}” to confirm`} autoComplete="off" errors={fieldErrors(state, "confirmName")} />
      <Button type="submit" variant="danger" disabled={pending}>{pending ? "Deleting…" : "Delete project"}</Button>
    </form>
  );
}
