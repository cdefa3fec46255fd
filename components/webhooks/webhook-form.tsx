"use client";

import { useActionState } from "react";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { NOTIFICATION_KIND_LABEL, NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { createWebhookAction } from "@/lib/server/actions/webhooks";

const FORMATS = [
  { value: "slack", label: "Slack (incoming webhook)" },
  { value: "teams", label: "Microsoft Teams (incoming webhook or workflow)" },
  { value: "json", label: "JSON, signed (your own endpoint)" },
];

/** Adds a chat or webhook destination; shows a JSON destination's signing secret once. */
export function WebhookForm({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [state, action, pending] = useActionState(createWebhookAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Add a chat or webhook destination">
      {message && <Alert>{message}</Alert>}
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField id="webhook-url" name="url" label="Address" placeholder="https://hooks.slack.com/services/…" required autoComplete="off" defaultValue={state?.ok ? "" : previous(state, "url")} errors={fieldErrors(state, "url")} />
        <SelectField id="webhook-format" name="format" label="Format" options={FORMATS} defaultValue={previous(state, "format") ?? "slack"} errors={fieldErrors(state, "format")} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Events from</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="project" defaultChecked={previous(state, "scope") !== "team"} /> {projectName} only
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="team" defaultChecked={previous(state, "scope") === "team"} /> Every project of the team
          </label>
        </div>
      </fieldset>
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer font-medium">Which events (none ticked: all of them)</summary>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input type="checkbox" name="events" value={kind} /> {NOTIFICATION_KIND_LABEL[kind]}
            </label>
          ))}
        </div>
        {fieldErrors(state, "events") && <p className="mt-1 text-sm text-red-700">{fieldErrors(state, "events")?.join(" ")}</p>}
      </details>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add destination"}
      </Button>
      {state?.ok &&
        (state.data.secret ? (
          <OneTimeSecret
            title={`Added ${state.data.url}.`}
            instruction="Its signing secret is shown only now: store it where the receiver can verify the Shipshape-Signature header with it."
            label="Signing secret"
            value={state.data.secret}
            testId="webhook-secret"
          />
        ) : (
          <p className="text-sm text-emerald-700" role="status">
            Added {state.data.url}.
          </p>
        ))}
    </form>
  );
}
