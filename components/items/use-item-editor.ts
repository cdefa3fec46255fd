"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { updateItemAction } from "@/lib/server/actions/items";
import type { ConflictingChange } from "@/lib/domain/item-edits";
import type { ChecklistItem } from "@/lib/server/read-models/item-view";

export type ItemNotice =
  | { tone: "conflict"; message: string; retry: Record<string, unknown>; changes: ConflictingChange[] }
  | { tone: "error" | "evidence"; message: string; retry?: Record<string, unknown> };

function describeError(error: { message: string; fields?: Record<string, string[]> }) {
  const fieldMessages = Object.values(error.fields ?? {}).flat();
  return fieldMessages.length ? fieldMessages.join(" ") : error.message;
}

// Holds an item as the user sees it and saves changes against the version they
// saw. A change shows at once (optimistically) and nothing is disabled while
// it travels, so focus stays where it was; a refused change rolls back and
// says why. A change of fields nobody else touched meanwhile lands on top of
// the current version; one that clashes comes back as a conflict: the editor
// then shows the current item, keeps the user's change (`shown` gives it to
// the cells) and offers to apply it again or keep theirs.
// `T`: the checklist's lighter item or the item page's full one; the server
// answers with the full item, which is both.
export function useItemEditor<T extends ChecklistItem>(initial: T) {
  const router = useRouter();
  const [item, setItem] = useState(initial);
  const [seen, setSeen] = useState(initial);
  const [notice, setNotice] = useState<ItemNotice | null>(null);
  // Changes on their way to the server, by field, with the save that sent each
  // (a later save of the same field replaces the earlier one's value).
  const [inFlight, setInFlight] = useState<Record<string, { value: unknown; save: number }>>({});
  const saves = useRef(0);
  const [pending, startTransition] = useTransition();

  // On a conflict the rest of the page (rendered notes, history, score)
  // catches up with what changed.
  const conflicted = notice?.tone === "conflict" ? notice : null;
  useEffect(() => {
    if (conflicted) router.refresh();
  }, [conflicted, router]);

  // A server refresh with a newer version replaces the local copy.
  if (initial !== seen) {
    setSeen(initial);
    if (initial.version >= item.version) setItem(initial);
  }

  // `onSaved` runs once the change has landed.
  function save(changes: Record<string, unknown>, { onSaved }: { onSaved?: () => void } = {}) {
    const save = ++saves.current;
    setInFlight((current) => ({ ...current, ...Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, { value, save }])) }));
    setNotice(null);
    const landed = () =>
      setInFlight((current) => Object.fromEntries(Object.entries(current).filter(([, change]) => change.save !== save)));
    startTransition(async () => {
      const result = await updateItemAction(item.id, item.version, changes);
      landed();
      if (result.ok) {
        setItem((current) => (result.data.version >= current.version ? (result.data as unknown as T) : current));
        onSaved?.();
        return;
      }
      const { error } = result;
      const current = error.details?.current as T | undefined;
      if (error.code === "CONFLICT" && current) {
        setItem(current);
        setNotice({ tone: "conflict", message: error.message, retry: changes, changes: (error.details?.changes as ConflictingChange[] | undefined) ?? [] });
      } else if (error.details?.evidenceRequired) {
        setNotice({ tone: "evidence", message: describeError(error), retry: changes });
      } else {
        setNotice({ tone: "error", message: describeError(error) });
      }
    });
  }

  // What a cell shows for a field: the user's change while it travels or
  // waits on a conflict, otherwise the item's.
  function shown<F extends keyof T & string>(field: F): T[F] {
    if (field in inFlight) return inFlight[field].value as T[F];
    if (notice?.tone === "conflict" && field in notice.retry) return notice.retry[field] as T[F];
    return item[field];
  }

  return { item, notice, pending, save, shown, dismiss: () => setNotice(null), retry: () => notice?.retry && save(notice.retry) };
}
