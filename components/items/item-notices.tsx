"use client";

import type { ChecklistItem } from "@/lib/server/read-models/item-view";
import { cn } from "@/components/ui/cn";
import { ConflictNotice } from "./conflict-notice";
import { EvidenceQuickAdd } from "./evidence-quick-add";
import type { ItemNotice } from "./use-item-editor";

// What became of a row's change when it did not simply land: a conflict to
// settle, evidence the project's policy asks for, or a refusal (the change is
// rolled back; this says why).
export function ItemNotices({ item, notice, memberNames, retry, dismiss }: {
  item: ChecklistItem;
  notice: ItemNotice;
  memberNames: Record<string, string>;
  retry: () => void;
  dismiss: () => void;
}) {
  if (notice.tone === "conflict") {
    return (
      <div className="col-span-full basis-full">
        <ConflictNotice changes={notice.changes} mine={notice.retry} names={{ people: memberNames }} onApply={retry} onKeepTheirs={dismiss} />
      </div>
    );
  }
  return (
    <div
      role="status"
      className={cn(
        "col-span-full basis-full rounded-md px-3 py-2 text-sm ring-1 ring-inset",
        notice.tone === "error" ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200",
      )}
    >
      <p>{notice.tone === "error" ? `Not saved: ${notice.message}` : notice.message}</p>
      {notice.tone === "evidence" && <EvidenceQuickAdd itemId={item.id} itemTitle={item.title} onAdded={retry} />}
      {notice.tone === "error" && (
        <button type="button" onClick={dismiss} className="mt-1 text-xs font-semibold underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
          Dismiss
        </button>
      )}
    </div>
  );
}
