"use client";

import { useState, useTransition } from "react";
import { addEvidenceAction } from "@/lib/server/actions/items";
import { Button } from "@/components/ui/button";
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABEL } from "@/lib/domain/readiness/vocabulary";

// Shown when marking an item done needs evidence first: add a link, then the
// status change is applied again.
export function EvidenceQuickAdd({ itemId, itemTitle, onAdded }: { itemId: string; itemTitle: string; onAdded: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2"
      aria-label={`Add evidence for ${itemTitle}`}
      // Submitted by hand, not as the form's action: React resets a form after
      // its action, and a refused link must stay as typed next to its error.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          form.set("itemId", itemId);
          const result = await addEvidenceAction(null, form);
          if (result?.ok) {
            setError(null);
            onAdded();
          } else if (result && !result.ok) {
            setError(Object.values(result.error.fields ?? {}).flat().join(" ") || result.error.message);
          }
        });
      }}
    >
      <label className="text-xs text-slate-600">
        Kind
        <select name="kind" defaultValue="PULL_REQUEST" className="mt-0.5 block rounded-md border-0 py-1.5 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300">
          {EVIDENCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {EVIDENCE_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="min-w-0 flex-1 basis-64 text-xs text-slate-600">
        Link or repository path
        <input
          name="target"
          required
          placeholder="github.com/acme/app/pull/123"
          aria-invalid={error ? true : undefined}
          className="mt-0.5 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 aria-invalid:ring-red-500"
        />
      </label>
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Adding…" : "Add evidence and mark done"}
      </Button>
      {error && <p className="basis-full text-xs font-medium text-red-600">{error}</p>}
    </form>
  );
}
