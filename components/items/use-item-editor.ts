"use client";

import { useState, useTransition } from "react";
import { updateItemAction } from "@/app/(app)/projects/actions";
import type { ItemView } from "@/lib/server/read-models/item-view";

export type ItemNotice = { tone: "conflict" | "error" | "evidence"; message: string; retry?: Record<string, unknown> };

function describeError(error: { message: string; fields?: Record<string, string[]> }) {
  const fieldMessages = Object.values(error.fields ?? {}).flat();
  return fieldMessages.length ? fieldMessages.join(" ") : error.message;
}

// Holds an item as the user sees it and saves changes against the version they
// saw. On a conflict it shows the fresh values, says who changed them, and
// keeps the user's change so it can be applied again in one click.
export function useItemEditor(initial: ItemView) {
  const [item, setItem] = useState(initial);
  const [seen, setSeen] = useState(initial);
  const [notice, setNotice] = useState<ItemNotice | null>(null);
  const [pending, startTransition] = useTransition();

  // A server refresh with a newer version replaces the local copy.
  if (initial !== seen) {
    setSeen(initial);
    if (initial.version >= item.version) setItem(initial);
  }

  function save(changes: Record<string, unknown>, base: ItemView = item) {
    startTransition(async () => {
      const result = await updateItemAction(base.id, base.version, changes);
      if (result.ok) {
        setItem(result.data);
        setNotice(null);
        return;
      }
      const { error } = result;
      const current = error.details?.current as ItemView | undefined;
      if (error.code === "CONFLICT" && current) {
        setItem(current);
        setNotice({ tone: "conflict", message: error.message, retry: changes });
      } else if (error.details?.evidenceRequired) {
        setNotice({ tone: "evidence", message: describeError(error), retry: changes });
      } else {
        setNotice({ tone: "error", message: describeError(error) });
      }
    });
  }

  return { item, notice, pending, save, dismiss: () => setNotice(null), retry: () => notice?.retry && save(notice.retry) };
}
