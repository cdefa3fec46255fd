// Which items stand between a project and its next level, most important
// first: what the dashboard's summary and the report list under "next level".
import type { Readiness } from "./score";
import { isApplicable, isOpen } from "./standing";
import { priorityGroupOf, type ItemPriority, type PriorityGroup, type Standing } from "./vocabulary";

// Unweighed items rank after high ones: they may be anything, and the gates
// they hold back (Launch ready and above) come after the critical one.
const PRIORITY_RANK: Record<PriorityGroup, number> = { CRITICAL: 0, HIGH: 1, UNTRIAGED: 2, MEDIUM: 3, LOW: 4 };

type Ranked = { priority: ItemPriority; standing: Standing };

const byPriority = <I extends Ranked>(a: I, b: I) => PRIORITY_RANK[priorityGroupOf(a.priority)] - PRIORITY_RANK[priorityGroupOf(b.priority)];

/** Open critical items: the launch blockers, in the items' order. */
export const launchBlockerItems = <I extends Ranked>(items: readonly I[]): I[] => items.filter((item) => item.priority === "CRITICAL" && isOpen(item.standing));

/**
 * The items the next level waits for: the open items of its priorities, and
 * (for gates that triage holds back) every applicable item that needs triage,
 * done or not. Empty at the top level.
 */
export function nextLevelItems<I extends Ranked>(items: readonly I[], nextLevel: Readiness["nextLevel"]): I[] {
  if (!nextLevel) return [];
  const gate: readonly ItemPriority[] = nextLevel.priorities;
  return items
    .filter((item) => (isOpen(item.standing) && gate.includes(item.priority)) || (nextLevel.needsTriage > 0 && item.priority === null && isApplicable(item.standing)))
    .sort(byPriority);
}
