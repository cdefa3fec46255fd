// How the checklist orders items within each category. Every order is
// stable (ties keep the project's order) and puts what is unknown — no
// priority, no owner, no due date — after what is known.
import { PRIORITIES, STANDINGS, type ItemPriority, type Standing } from "./vocabulary";

export const ITEM_SORTS = ["priority", "status", "due", "owner", "updated"] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export const ITEM_SORT_LABEL: Record<ItemSort, string> = {
  priority: "Priority",
  status: "Status",
  due: "Due date",
  owner: "Owner",
  updated: "Last change",
};

export type SortableItem = {
  priority: ItemPriority;
  standing: Standing;
  // Calendar date as YYYY-MM-DD.
  dueDate: string | null;
  ownerName: string | null;
  // ISO 8601 instant.
  updatedAt: string;
};

// null (unknown) after any value, whatever the direction of the rest.
function nullsLast<T>(a: T | null, b: T | null, compare: (a: T, b: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}

const byText = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

// Open work first: missing, then partial and unproven, then done, then N/A (STANDINGS' order).
const COMPARATORS: Record<ItemSort, (a: SortableItem, b: SortableItem) => number> = {
  priority: (a, b) => nullsLast(a.priority, b.priority, (x, y) => PRIORITIES.indexOf(x) - PRIORITIES.indexOf(y)),
  status: (a, b) => STANDINGS.indexOf(a.standing) - STANDINGS.indexOf(b.standing),
  due: (a, b) => nullsLast(a.dueDate, b.dueDate, byText),
  owner: (a, b) => nullsLast(a.ownerName, b.ownerName, byText),
  // Most recently changed first.
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

/** The items in `sort`'s order (a new array); ties, and no `sort`, keep the given order. */
export function sortItems<I extends SortableItem>(items: readonly I[], sort: ItemSort | undefined): I[] {
  if (!sort) return [...items];
  const compare = COMPARATORS[sort];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .map(({ item }) => item);
}
