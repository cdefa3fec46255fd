"use client";

import { useActionState } from "react";
import { updateProjectAction } from "@/lib/server/actions/projects";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";

import type { ProjectView } from "@/lib/server/read-models/project-view";

export function ProjectDetailsForm({ project }: { project: ProjectView }) {
  const [state, action, pending] = useActionState(updateProjectAction, null);
  const message = formError(state);
  const value = (name: keyof ProjectView) => (state && !state.ok ? state.values?.[name] : undefined) ?? String(project[name] ?? "");
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Project details">
      <input type="hidden" name="projectId" value={project.id} />
      {message && <div className="sm:col-span-2"><Alert>{message}</Alert></div>}
      {state?.ok && <div className="sm:col-span-2"><Alert tone="success">Project saved.</Alert></div>}
      <div className="sm:col-span-2">
        <TextField name="name" label="Project name" defaultValue={value("name")} errors={fieldErrors(state, "name")} />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField name="description" label="Description" rows={2} defaultValue={value("description")} errors={fieldErrors(state, "description")} />
      </div>
      <TextField name="productionUrl" label="Production URL" type="url" defaultValue={value("productionUrl")} errors={fieldErrors(state, "productionUrl")} />
      <TextField name="repositoryUrl" label="Repository URL" type="url" defaultValue={value("repositoryUrl")} errors={fieldErrors(state, "repositoryUrl")} />
      <TextField name="targetDate" label="Target launch date" type="date" defaultValue={value("targetDate")} errors={fieldErrors(state, "targetDate")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save details"}</Button>
      </div>
    </form>
  );
}
