"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ITEM_STATUSES, PRIORITIES, PRIORITY_LABEL, STATUS_GLYPH, STATUS_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { BulkChanges, BulkRefusal } from "@/lib/schemas/bulk-items";
import { bulkUpdateItemsAction } from "@/lib/server/actions/bulk-items";
import type { ChecklistItem } from "@/lib/server/read-models/item-view";
import { useChecklist } from "./checklist-context";

type Field = "status" | "priority" | "ownerId" | "dueDate" | "notApplicable";

const FIELD_LABEL: Record<Field, string> = { status: "Set status", priority: "Set priority", ownerId: "Set owner", dueDate: "Set due date", notApplicable: "Mark N/A" };

export type BulkOutcomeValue = { updated: number; refused: BulkRefusal[] };

const control = "rounded-md border-0 bg-white py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600";

/**
 * The bar under a selection of items: one change (status, priority, owner,
 * due date, or N/A with one reason) applied to all of them, then what
 * happened — how many changed and which were left as they were, and why.
 */
export function BulkBar({ selected, onDone, onClear }: {
  selected: string[];
  // Called with what happened: the list shows it, since the selection (and so this bar) may go.
  onDone: (outcome: BulkOutcomeValue, updated: ChecklistItem[]) => void;
  onClear: () => void;
}) {
  const { projectId, members, can } = useChecklist();
  const fields = (["status", "priority", "ownerId", "dueDate", "notApplicable"] as const).filter((field) =>
    field === "status" || field === "notApplicable" ? can.status : field === "ownerId" ? can.owner : can.edit,
  );
  const [field, setField] = useState<Field>(fields[0] ?? "status");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const changes = (): BulkChanges => {
    if (field === "notApplicable") return { status: "NOT_APPLICABLE", notApplicableReason: value };
    if (field === "status") return { status: value as BulkChanges["status"] };
    if (field === "priority") return { priority: value as BulkChanges["priority"] };
    if (field === "ownerId") return { ownerId: value === "" ? null : value };
    return { dueDate: value === "" ? null : value };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await bulkUpdateItemsAction(projectId, selected, changes());
      if (!result.ok) {
        const fieldMessages = Object.values(result.error.fields ?? {}).flat();
        setError(fieldMessages.length ? fieldMessages.join(" ") : result.error.message);
        return;
      }
      setError(null);
      onDone({ updated: result.data.updated.length, refused: result.data.refused }, result.data.updated);
    });
  };

  const needsValue = field === "status" || field === "priority" || field === "notApplicable";
  return (
    <div role="region" aria-label="Change selected items" className="sticky bottom-2 z-20 rounded-xl bg-slate-900 px-4 py-3 text-white shadow-lg">
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-semibold" aria-live="polite">
          {selected.length} selected
        </p>
        <label>
          <span className="sr-only">Change</span>
          <select
            value={field}
            onChange={(event) => {
              setField(event.target.value as Field);
              setValue("");
            }}
            className={cn(control, "pl-2 pr-7")}
          >
            {fields.map((f) => (
              <option key={f} value={f}>
                {FIELD_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        {field === "notApplicable" ? (
          <label className="min-w-0 flex-1 basis-48">
            <span className="sr-only">Why these items do not apply</span>
            <input required value={value} onChange={(event) => setValue(event.target.value)} placeholder="Why they do not apply" className={cn(control, "w-full px-2.5")} />
          </label>
        ) : field === "dueDate" ? (
          <label>
            <span className="sr-only">Due date</span>
            <input type="date" value={value} onChange={(event) => setValue(event.target.value)} className={cn(control, "px-2")} />
          </label>
        ) : (
          <label>
            <span className="sr-only">{field === "status" ? "Status" : field === "priority" ? "Priority" : "Owner"}</span>
            <select required={needsValue} value={value} onChange={(event) => setValue(event.target.value)} className={cn(control, "pl-2 pr-7")}>
              <option value="" disabled={needsValue}>
                {needsValue ? "Choose…" : "Unassigned"}
              </option>
              {field === "status" && ITEM_STATUSES.filter((s) => s !== "NOT_APPLICABLE").map((s) => <option key={s} value={s}>{`${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}`}</option>)}
              {field === "priority" && PRIORITIES.map((p) => <option key={p} value={p}>{PRIORITY_LABEL[p]}</option>)}
              {field === "ownerId" && members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
            </select>
          </label>
        )}
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Applying…" : `Apply to ${selected.length} ${selected.length === 1 ? "item" : "items"}`}
        </Button>
        <button type="button" onClick={onClear} className="rounded-md px-2 py-1 text-sm font-medium text-slate-200 hover:bg-slate-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-white">
          Clear selection
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-200">
          Nothing changed: {error}
        </p>
      )}
    </div>
  );
}

/** What the last bulk change did: how many items changed, and each one left as it was with the reason. */
export function BulkOutcome({ outcome, onDismiss }: { outcome: BulkOutcomeValue; onDismiss: () => void }) {
  const updated = `Updated ${outcome.updated} ${outcome.updated === 1 ? "item" : "items"}`;
  return (
    <div role="status" data-testid="bulk-outcome" className={cn("rounded-xl px-4 py-3 text-sm ring-1 ring-inset", outcome.refused.length ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-emerald-50 text-emerald-900 ring-emerald-200")}>
      {outcome.refused.length === 0 ? (
        <p>{updated}.</p>
      ) : (
        <>
          <p>
            {updated}; {outcome.refused.length} left as {outcome.refused.length === 1 ? "it was" : "they were"}:
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {outcome.refused.map((refusal) => (
              <li key={refusal.itemId}>
                <span className="font-medium">{refusal.title}</span> — {refusal.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onDismiss} className="mt-1 text-xs font-semibold underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
        Dismiss
      </button>
    </div>
  );
}
