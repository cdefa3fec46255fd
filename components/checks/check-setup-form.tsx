"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { acceptCheckSuggestionsAction } from "@/lib/server/actions/check-suggestions";
import type { CheckSettings } from "@/lib/schemas/check-settings";
import type { CheckProposal, CheckSuggestions } from "@/lib/server/services/check-suggestions";

const KIND_LABEL: Record<string, string> = { http: "Endpoint", tls: "Certificate", dns: "DNS", repository: "Repository", reported: "Reported by CI", headers: "Headers" };

const INTERVALS = [
  { value: "15", label: "Every 15 minutes" },
  { value: "60", label: "Every hour" },
  { value: "360", label: "Every 6 hours" },
  { value: "1440", label: "Once a day" },
];

const code = "rounded bg-slate-100 px-1 py-0.5 text-xs";

// A file pattern as people read it: a glob's alternatives ({a,b,c}) as
// "one of a, b, c", the longest lists cut short (all of it on hover).
function FilePattern({ path }: { path: string }) {
  const options = /^\{([^{}]+)\}$/.exec(path)?.[1].split(",");
  if (!options) return <code className={code}>{path}</code>;
  const shown = options.slice(0, options.length > 5 ? 4 : 5);
  return (
    <span title={options.join(", ")}>
      one of{" "}
      {shown.map((option, index) => (
        <span key={option}>
          {index > 0 && ", "}
          <code className={code}>{option}</code>
        </span>
      ))}
      {options.length > shown.length && ` or ${options.length - shown.length} more`}
    </span>
  );
}

// What a check looks at, in the words of its kind.
function Details({ settings }: { settings: CheckSettings }) {
  switch (settings.kind) {
    case "repository":
      return (
        <span>
          <span className="font-mono">{settings.url ?? settings.path}</span> has{" "}
          {settings.files.map((file, index) => (
            <span key={file.path}>
              {index > 0 && " and "}
              <FilePattern path={file.path} />
            </span>
          ))}
        </span>
      );
    case "reported":
      return <span>A result posted by your pipeline at least every {settings.maxAgeDays} days</span>;
    case "tls":
      return (
        <span>
          <span className="font-mono">{settings.host}:{settings.port}</span>
          {settings.minDaysLeft > 0 ? `, at least ${settings.minDaysLeft} days before expiry` : ", valid now"}
        </span>
      );
    case "http":
      return (
        <span>
          {settings.method} <span className="font-mono">{settings.url}</span>
          {settings.maxLatencyMs ? ` within ${settings.maxLatencyMs} ms` : ""}
        </span>
      );
    case "headers":
      return (
        <span>
          <span className="font-mono">{settings.url}</span>
          {settings.minimumScore > 0 ? `, Observatory score at least ${settings.minimumScore}` : ""}
          {settings.requiredTests?.length ? `, passing ${settings.requiredTests.join(", ")}` : ""}
        </span>
      );
    default: {
      const { url, host, name } = settings as { url?: string; host?: string; name?: string };
      return <span className="font-mono">{url ?? host ?? name}</span>;
    }
  }
}

function ProposalRow({ proposal, checked, onToggle }: { proposal: CheckProposal; checked: boolean; onToggle: () => void }) {
  const inputId = `proposal-${proposal.id}`;
  const choosable = !proposal.alreadyExists && proposal.choices.length > 1;
  return (
    <li className={proposal.alreadyExists ? "flex gap-3 py-3 text-slate-500" : "flex gap-3 py-3"} data-testid="check-proposal" data-proposal-id={proposal.id}>
      <input
        id={inputId}
        type="checkbox"
        name="proposal"
        value={proposal.id}
        checked={proposal.alreadyExists || checked}
        disabled={proposal.alreadyExists}
        onChange={onToggle}
        className="mt-1"
        aria-describedby={`${inputId}-details`}
      />
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={inputId} className="text-sm font-medium text-slate-900">
            {proposal.label}
          </label>
          <Badge tone="slate">{KIND_LABEL[proposal.kind] ?? proposal.kind}</Badge>
          {proposal.alreadyExists && <Badge tone="emerald">Already set up</Badge>}
        </div>
        <p className="text-xs text-slate-500">
          Verifies <span className="font-medium text-slate-700">{proposal.itemTitle}</span>
        </p>
        <div id={`${inputId}-details`} className="break-words text-sm text-slate-700">
          {choosable ? (
            <label className="flex flex-wrap items-center gap-2">
              <span className="text-slate-600">{proposal.settings.kind === "http" ? "Address" : "Setting"}</span>
              <select
                name={`choice:${proposal.id}`}
                defaultValue={proposal.choices[0].id}
                disabled={!checked}
                className="rounded-md border-0 bg-white py-1 pl-2 pr-8 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
              >
                {proposal.choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.target}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <Details settings={proposal.settings} />
          )}
        </div>
      </div>
    </li>
  );
}

/**
 * The suggestions of one project, grouped by category, each new one ticked;
 * those already set up are shown but cannot be ticked. Submits the ticked
 * ones (and the alternative picked for each) in one step.
 */
export function CheckSetupForm({ suggestions }: { suggestions: CheckSuggestions }) {
  const [state, action, pending] = useActionState(acceptCheckSuggestionsAction, null);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const offered = suggestions.proposals.filter((proposal) => !proposal.alreadyExists);
  const count = offered.filter((proposal) => !unticked.has(proposal.id)).length;
  const toggle = (id: string) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const categories = [...new Set(suggestions.proposals.map((proposal) => proposal.category))];
  const message = formError(state);
  // Errors naming one of the chosen proposals (`proposals.2`): said once, above the button.
  const proposalErrors = state && !state.ok ? [...new Set(Object.entries(state.error.fields ?? {}).filter(([field]) => field.startsWith("proposals")).flatMap(([, messages]) => messages))] : [];

  if (suggestions.proposals.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          No checks to suggest for this project yet.{" "}
          {suggestions.missingUrls.length > 0 ? "Set its URLs to get suggestions." : "None of its items has a suggested check."}
        </p>
      </Card>
    );
  }
  return (
    <form action={action} className="space-y-6" noValidate aria-label="Set up checks">
      <input type="hidden" name="projectId" value={suggestions.projectId} />
      {categories.map((category) => (
        <Card key={category} title={category}>
          <ul className="divide-y divide-slate-100" aria-label={`Suggested checks for ${category}`}>
            {suggestions.proposals
              .filter((proposal) => proposal.category === category)
              .map((proposal) => (
                <ProposalRow key={proposal.id} proposal={proposal} checked={!unticked.has(proposal.id)} onToggle={() => toggle(proposal.id)} />
              ))}
          </ul>
        </Card>
      ))}
      <Card>
        <div className="flex flex-wrap items-end gap-4">
          <div className="w-56">
            <SelectField
              name="intervalMinutes"
              label="How often they run"
              options={INTERVALS}
              defaultValue={(state && !state.ok ? state.values?.intervalMinutes : undefined) ?? "60"}
              errors={fieldErrors(state, "intervalMinutes")}
            />
          </div>
          <Button type="submit" disabled={pending || count === 0}>
            {pending ? "Adding…" : count === 0 ? "No checks chosen" : `Add ${count} check${count === 1 ? "" : "s"}`}
          </Button>
          {offered.length === 0 && <p className="text-sm text-slate-600">Every suggested check is already set up.</p>}
        </div>
        {(message || proposalErrors.length > 0) && (
          <div className="mt-4 space-y-2">
            {message && <Alert>{message}</Alert>}
            {proposalErrors.map((error) => (
              <Alert key={error}>
                {error}{" "}
                <Link href={`/projects/${suggestions.projectId}/checks/set-up`} className="font-medium underline">
                  Reload
                </Link>
              </Alert>
            ))}
          </div>
        )}
      </Card>
    </form>
  );
}
