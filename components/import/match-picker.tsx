"use client";

import { useEffect, useRef } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { confidenceLevel } from "@/lib/domain/match-confidence";
import type { ImportPreview, MatchableItem } from "@/lib/server/services/import";

type Planned = ImportPreview["plan"]["items"][number];

/** The picker's value for "make the row a new item". */
export const NEW_ITEM = "new";

const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;
const LEVEL_TONE: Record<ReturnType<typeof confidenceLevel>, BadgeTone> = { high: "emerald", medium: "amber", low: "slate" };

// How the plan matched the row, as the person reads it.
function MatchBadge({ planned }: { planned: Planned }) {
  const { match } = planned;
  if (!match) return null;
  if (match.how === "key") return <Badge tone="emerald">same key</Badge>;
  if (match.how === "title") return <Badge tone="emerald">same title</Badge>;
  if (match.how === "chosen") return <Badge tone="indigo">your choice</Badge>;
  const level = confidenceLevel(match.confidence);
  return (
    <Badge tone={LEVEL_TONE[level]} title={`Matched by meaning, ${level} confidence: check that the item is the row's.`}>
      by meaning · {percent(match.confidence)}
    </Badge>
  );
}

/**
 * Which of the project's items a document row is, or a new item: the plan's
 * proposal with how sure it is, and a select to accept, change or refuse it.
 * The select is the form field `match.<row>`.
 */
export function MatchPicker({ planned, items, value, onChange }: { planned: Planned; items: MatchableItem[]; value: string; onChange: (value: string) => void }) {
  const proposed = planned.existingId ?? NEW_ITEM;
  const categories = [...new Set(items.map((i) => i.category))];
  const { suggestion } = planned;
  // Uncontrolled, defaulting to the proposal: React resets a form's fields
  // after its action, which sends a controlled select back to its first
  // option while the state still says otherwise. The buttons set it here.
  const select = useRef<HTMLSelectElement>(null);
  const current = useRef(value);
  useEffect(() => {
    current.current = value;
    if (select.current && select.current.value !== value) select.current.value = value;
  }, [value]);
  // A refused submission resets the form too: put the person's choice back.
  useEffect(() => {
    const form = select.current?.form;
    const restore = () =>
      setTimeout(() => {
        if (select.current) select.current.value = current.current;
      });
    form?.addEventListener("reset", restore);
    return () => form?.removeEventListener("reset", restore);
  }, []);
  return (
    <div className="space-y-1">
      <select
        ref={select}
        name={`match.${planned.row}`}
        defaultValue={proposed}
        onChange={(event) => onChange(event.target.value)}
        aria-label={`Match for “${planned.source.title}” (line ${planned.line})`}
        className="w-full max-w-xs rounded-md border-slate-300 py-1 text-sm"
      >
        <option value={NEW_ITEM}>New item</option>
        {categories.map((category) => (
          <optgroup key={category} label={category}>
            {items
              .filter((i) => i.category === category)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {planned.existingId && value === proposed && planned.category !== planned.documentCategory && <p className="text-xs text-slate-500">in {planned.category}</p>}
      <div className="flex flex-wrap items-center gap-1 text-xs">
        {value === proposed ? <MatchBadge planned={planned} /> : <Badge tone="indigo">changed</Badge>}
        {value !== proposed && (
          <span className="text-slate-600">
            {planned.existingId ? `proposed “${planned.title}”` : "proposed: new item"}{" "}
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => onChange(proposed)}>
              undo
            </button>
          </span>
        )}
        {suggestion && value === NEW_ITEM && (
          <span className="text-slate-600">
            maybe “{suggestion.title}” ({percent(suggestion.confidence)}){" "}
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => onChange(suggestion.itemId)}>
              use it
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
