"use client";

import { useActionState, useState } from "react";
import { projectSettingsAction } from "@/lib/server/actions/projects";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EVIDENCE_POLICIES, EVIDENCE_POLICY_LABEL, type EvidencePolicy } from "@/lib/domain/readiness/vocabulary";
import type { ProjectView } from "@/lib/server/read-models/project-view";

const WEIGHTS = [
  ["weightCritical", "CRITICAL", "Critical weight"],
  ["weightHigh", "HIGH", "High weight"],
  ["weightMedium", "MEDIUM", "Medium weight"],
  ["weightLow", "LOW", "Low weight"],
] as const;

// needsEvidence: per policy, the done items without evidence it would ask
// evidence for (lib/domain/readiness/policy-impact.ts).
export function ScoringSettingsForm({ project, needsEvidence }: { project: ProjectView; needsEvidence: Record<EvidencePolicy, number> }) {
  const [state, action, pending] = useActionState(projectSettingsAction, null);
  const [policy, setPolicy] = useState<EvidencePolicy>((state?.values?.evidencePolicy as EvidencePolicy | undefined) ?? project.evidencePolicy);
  const message = formError(state);
  const unproven = needsEvidence[policy];
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Scoring">
      <input type="hidden" name="projectId" value={project.id} />
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">Scoring saved.</Alert>}
      <SelectField
        name="evidencePolicy"
        label="Evidence required before an item is done"
        defaultValue={state?.values?.evidencePolicy ?? project.evidencePolicy}
        options={EVIDENCE_POLICIES.map((option) => ({ value: option, label: EVIDENCE_POLICY_LABEL[option] }))}
        errors={fieldErrors(state, "evidencePolicy")}
        onChange={(event) => setPolicy(event.currentTarget.value as EvidencePolicy)}
      />
      {unproven > 0 && (
        <p role="status" data-testid="policy-impact" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Under this policy {unproven} done item{unproven === 1 ? " has" : "s have"} no evidence: {unproven === 1 ? "it" : "they"} will show as
          Needs evidence and count as partial, not done, until evidence is added.
        </p>
      )}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {WEIGHTS.map(([name, priority, label]) => (
          <TextField
            key={name}
            name={name}
            label={label}
            type="number"
            min="1"
            max="100"
            defaultValue={state?.values?.[name] ?? String(project.weights[priority])}
            errors={fieldErrors(state, name)}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500">Readiness = Σ weight × credit ÷ Σ weight over applicable items. Defaults: 4 / 3 / 2 / 1.</p>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save scoring"}</Button>
    </form>
  );
}
