"use client";

import type { ReactNode } from "react";
import { describeConflictingChange, describeOwnEdit, type ConflictingChange, type ItemNames } from "@/lib/domain/item-edits";
import { useViewerTimeZone } from "@/components/time/viewer-time-zone";
import { formatMoment } from "@/lib/domain/format";

// Someone changed what the user was changing: who changed what and when (in
// the viewer's own time zone), the user's own change in words, and the two
// ways on: apply it again, or keep theirs.
export function ConflictNotice({
  changes,
  mine,
  names,
  onApply,
  onKeepTheirs,
  applyLabel = "Apply my change again",
  keepLabel = "Keep theirs",
  children,
}: {
  changes: ConflictingChange[];
  mine: Record<string, unknown>;
  names?: ItemNames;
  onApply: () => void;
  onKeepTheirs: () => void;
  applyLabel?: string;
  keepLabel?: string;
  children?: ReactNode;
}) {
  const own = describeOwnEdit(mine, names);
  const zone = useViewerTimeZone();
  return (
    <div role="status" data-testid="edit-conflict" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
      <p className="font-medium">Not saved: this was changed while you were editing.</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {changes.map((change, index) => (
          <li key={index}>{describeConflictingChange(change, change.at && formatMoment(change.at, zone))}.</li>
        ))}
      </ul>
      {own && <p className="mt-1">{own}; your change stays in the form until you choose.</p>}
      {children}
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        <button type="button" onClick={onApply} className="rounded bg-amber-600 px-2 py-0.5 font-semibold text-white hover:bg-amber-500">
          {applyLabel}
        </button>
        <button type="button" onClick={onKeepTheirs} className="rounded px-2 py-0.5 font-semibold hover:bg-amber-100">
          {keepLabel}
        </button>
      </p>
    </div>
  );
}
