"use client";

import { useActionState, useMemo, useState, useTransition } from "react";
import { deleteTemplateAction, saveTemplateAction } from "@/lib/server/actions/templates";
import { documentTooLarge, MAX_DOCUMENT_SIZE } from "@/lib/schemas/document";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Moment } from "@/components/time/moment";
import type { TeamTemplateView } from "@/lib/server/services/templates";

// Upload or paste a YAML checklist as a team template; list and delete them.
export function TeamTemplates({ templates }: { templates: TeamTemplateView[] }) {
  const [state, action, pending] = useActionState(saveTemplateAction, null);
  const [text, setText] = useState("");
  const [deleting, startTransition] = useTransition();
  const message = formError(state);
  // Checked here too, before sending: a file over the limit is refused with its text kept.
  const tooLarge = useMemo(() => documentTooLarge(text), [text]);
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-3" noValidate onSubmit={(event) => tooLarge && event.preventDefault()}>
        <label className="block text-sm">
          <span className="font-medium text-slate-900">Upload a YAML checklist</span>
          <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" className="mt-1 block text-sm" aria-label="Upload a YAML checklist" onChange={async (event) => setText((await event.target.files?.[0]?.text()) ?? "")} />
        </label>
        <TextAreaField name="text" label="Or paste it here" rows={8} value={text} onChange={(event) => setText(event.target.value)} className="font-mono text-xs" hint={`YAML, at most ${MAX_DOCUMENT_SIZE}.`} errors={tooLarge ? [tooLarge] : fieldErrors(state, "text")} />
        {message && <Alert>{message}</Alert>}
        {state?.ok && (
          <Alert tone="success">
            Saved “{state.data.key}”, version {state.data.version}. New projects can start from it.
          </Alert>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save template"}
        </Button>
      </form>
      {templates.length === 0 ? (
        <p className="text-sm text-slate-500">No team templates yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Team templates">
          {templates.map((template) => (
            <li key={template.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-template={template.key}>
              <div className="min-w-0 flex-1">
                <span className="font-medium text-slate-900">{template.name}</span>{" "}
                <span className="text-slate-500">
                  · version {template.version} · {template.categories.length} categories · {template.categories.reduce((n, c) => n + c.items.length, 0)} items · updated <Moment iso={template.updatedAt} />
                </span>
              </div>
              <a href={`/templates/${template.id}/checklist.yaml`} className="text-sm font-medium text-indigo-700 hover:underline" download>
                YAML<span className="sr-only"> of {template.name}</span>
              </a>
              <Button
                variant="ghost"
                size="sm"
                disabled={deleting}
                onClick={() => {
                  if (!window.confirm(`Delete the template “${template.name}”? Projects made from it keep their items.`)) return;
                  startTransition(async () => void (await deleteTemplateAction(template.id)));
                }}
              >
                Delete<span className="sr-only"> template {template.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
