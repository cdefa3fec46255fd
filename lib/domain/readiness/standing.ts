// What an item counts as right now (DESIGN.md, "How readiness is computed";
// docs/adr/0013-standings-that-never-overstate.md).
import type { ItemPriority, ItemStatus, Standing } from "./vocabulary";

export type ScorableItem = {
  status: ItemStatus;
  // null: nobody has weighed the item yet ("needs triage").
  priority: ItemPriority;
  effortHours: number | null;
  // Expiry of each piece of evidence (null = never expires).
  evidenceExpiries: readonly (Date | null)[];
  // Expiry of the approved waiver, if the item has one.
  waiverExpiresAt: Date | null;
  // Whether the project's evidence policy, as it stands now, asks this item
  // (at its current priority) for evidence before it counts as done
  // (vocabulary.ts evidenceRequired).
  evidenceRequired: boolean;
  // The item has an automated check that has given no verdict yet (state
  // PENDING): until it does, nothing vouches for the item, whatever its
  // status says (docs/adr/0032).
  pendingCheck: boolean;
};

function isWaiverValid(waiverExpiresAt: Date | null, now: Date): boolean {
  return waiverExpiresAt !== null && waiverExpiresAt.getTime() > now.getTime();
}

const isExpired = (expiry: Date | null, now: Date) => expiry !== null && expiry.getTime() <= now.getTime();

// Stale: the item has evidence and every piece of it has expired, so nothing
// currently vouches for it.
export function isEvidenceStale(evidenceExpiries: readonly (Date | null)[], now: Date): boolean {
  return evidenceExpiries.length > 0 && evidenceExpiries.every((expiry) => isExpired(expiry, now));
}

/** Pieces of evidence that still vouch for an item at `now` (never-expiring ones included). */
const currentEvidenceCount = (evidenceExpiries: readonly (Date | null)[], now: Date) =>
  evidenceExpiries.filter((expiry) => !isExpired(expiry, now)).length;

/**
 * The item's standing at `now`. Precedence: not applicable > valid waiver of
 * an item whose check has not judged it yet > not evaluated yet (a pending
 * check, whatever the status) > done (vouched for) > valid waiver > done but
 * stale (its evidence all expired) > done but needs evidence (the policy asks
 * for some and there is none) > partial > missing. A waiver never upgrades an
 * item that is done already, and is always reported as WAIVED, never as
 * DONE. STALE and NEEDS_EVIDENCE both count as PARTIAL, NOT_EVALUATED as
 * MISSING, and none of them satisfies a level.
 */
export function standingOf(item: ScorableItem, now: Date): Standing {
  if (item.status === "NOT_APPLICABLE") return "NOT_APPLICABLE";
  if (item.pendingCheck) return isWaiverValid(item.waiverExpiresAt, now) ? "WAIVED" : "NOT_EVALUATED";
  const current = currentEvidenceCount(item.evidenceExpiries, now);
  const vouchedFor = current > 0 || (item.evidenceExpiries.length === 0 && !item.evidenceRequired);
  if (item.status === "DONE" && vouchedFor) return "DONE";
  if (isWaiverValid(item.waiverExpiresAt, now)) return "WAIVED";
  if (item.status === "DONE") return item.evidenceExpiries.length > 0 ? "STALE" : "NEEDS_EVIDENCE";
  return item.status;
}

// Credit in halves, so sums stay exact integers: DONE/WAIVED 2, PARTIAL,
// STALE and NEEDS_EVIDENCE 1, MISSING and NOT_EVALUATED 0.
export const CREDIT_HALVES: Record<Standing, number> = {
  DONE: 2,
  WAIVED: 2,
  STALE: 1,
  NEEDS_EVIDENCE: 1,
  PARTIAL: 1,
  MISSING: 0,
  NOT_EVALUATED: 0,
  NOT_APPLICABLE: 0,
};

export const isApplicable = (standing: Standing) => standing !== "NOT_APPLICABLE";
export const isSatisfied = (standing: Standing) => standing === "DONE" || standing === "WAIVED";
// Open: applicable and not yet done or validly waived.
export const isOpen = (standing: Standing) => isApplicable(standing) && !isSatisfied(standing);
