import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// The one place that decides who owns an item, for every reader (item views,
// the API, reports and their exports, the portfolio, the YAML checklist).
//
// An item's owner is a person who is a member of the item's team *now*. A
// person who left (or was removed) owns nothing, even where an item still
// points at them: data from before the hand-over on removal existed, and a
// change racing a removal can still leave such a pointer. Deciding at read
// time keeps every view true whatever the rows say. See docs/adr/0016.

/**
 * The owner's fields every reader selects, with the teams the owner belongs
 * to (a handful at most), so that membership is judged in the same statement.
 * Select it together with the item's `teamId`.
 */
export const ownerSelect = {
  select: { id: true, name: true, email: true, memberships: { select: { teamId: true } } },
} satisfies Prisma.UserDefaultArgs;

export type OwnerRow = Prisma.UserGetPayload<typeof ownerSelect>;

/** An item's owner as shown anywhere: a current member of the item's team. */
export type CurrentOwner = { id: string; name: string; email: string };

/**
 * The item's owner if they are a current member of the item's team, else null
 * (an item without an owner and an item whose owner left read the same).
 */
export function currentOwner(item: { teamId: string; owner: OwnerRow | null }): CurrentOwner | null {
  const { owner } = item;
  if (!owner || !owner.memberships.some((membership) => membership.teamId === item.teamId)) return null;
  return { id: owner.id, name: owner.name, email: owner.email };
}
