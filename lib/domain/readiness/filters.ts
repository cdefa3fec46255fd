// The item list's filters, as they travel in the project page's URL.
import { z } from "zod";
import { addDays } from "./dates";
import { ITEM_SORTS } from "./sort";
import { isOpen } from "./standing";
import { PRIORITIES, STANDINGS, type ItemPriority, type Standing } from "./vocabulary";

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value), schema.optional());

const itemFilterSchema = z.object({
  status: optionalParam(z.enum(STANDINGS)),
  // "NONE": items that need triage.
  priority: optionalParam(z.enum([...PRIORITIES, "NONE"])),
  // "me", "none" or a user id.
  owner: optionalParam(z.string().max(64)),
  category: optionalParam(z.string().max(64)),
  overdue: optionalParam(z.literal("1")),
  // Open items due from today to six days on (isDueThisWeek).
  dueThisWeek: optionalParam(z.literal("1")),
  stale: optionalParam(z.literal("1")),
  // Applicable and not yet done or waived.
  open: optionalParam(z.literal("1")),
  q: optionalParam(z.string().trim().max(200)),
  // How items are ordered within their category (sort.ts); the project's order when absent.
  sort: optionalParam(z.enum(ITEM_SORTS)),
});

export type ItemFilter = z.infer<typeof itemFilterSchema>;

// Unknown or malformed parameters are dropped rather than failing the page.
export function parseItemFilter(params: Record<string, string | string[] | undefined>): ItemFilter {
  const filter: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(itemFilterSchema.shape)) {
    const result = schema.safeParse(params[key]);
    if (result.success && result.data !== undefined) filter[key] = result.data;
  }
  return filter as ItemFilter;
}

/** Whether the filter leaves items out (an order alone leaves every item in). */
export const isFiltering = (filter: ItemFilter) => Object.entries(filter).some(([key, value]) => key !== "sort" && value !== undefined);

export type FilterableItem = {
  categoryId: string;
  key: string;
  title: string;
  notes: string;
  priority: ItemPriority;
  standing: Standing;
  ownerId: string | null;
  // Calendar date as YYYY-MM-DD.
  dueDate: string | null;
};

// `today` is the team's calendar day (dayIn(now, team's zone)): an item due
// today is not overdue until today has ended where the team is.
export function isOverdue(item: Pick<FilterableItem, "dueDate" | "standing">, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && isOpen(item.standing);
}

/** Open and due in the seven days from the team's `today` (today and the six after it): what to do before the same weekday comes round. */
export function isDueThisWeek(item: Pick<FilterableItem, "dueDate" | "standing">, today: string): boolean {
  return item.dueDate !== null && item.dueDate >= today && item.dueDate <= addDays(today, 6) && isOpen(item.standing);
}

/** The items `filter` keeps; `context.today` is the team's calendar day, `context.userId` who "me" is. */
export function filterItems<I extends FilterableItem>(items: readonly I[], filter: ItemFilter, context: { userId: string; today: string }): I[] {
  const needle = filter.q?.toLowerCase();
  return items.filter((item) => {
    if (filter.status && item.standing !== filter.status) return false;
    if (filter.priority && item.priority !== (filter.priority === "NONE" ? null : filter.priority)) return false;
    if (filter.category && item.categoryId !== filter.category) return false;
    if (filter.owner) {
      const wanted = filter.owner === "me" ? context.userId : filter.owner === "none" ? null : filter.owner;
      if (item.ownerId !== wanted) return false;
    }
    if (filter.overdue && !isOverdue(item, context.today)) return false;
    if (filter.dueThisWeek && !isDueThisWeek(item, context.today)) return false;
    if (filter.stale && item.standing !== "STALE") return false;
    if (filter.open && !isOpen(item.standing)) return false;
    if (needle && ![item.title, item.key, item.notes].some((text) => text.toLowerCase().includes(needle))) return false;
    return true;
  });
}
