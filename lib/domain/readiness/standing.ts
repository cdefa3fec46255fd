// What an item counts as right now (DESIGN.md, "How readiness is computed").
import type { ItemStatus, Priority, Standing } from "./vocabulary";

export type ScorableItem = {
  status: ItemStatus;
  priority: Priority;
  effortHours: number | null;
  // Expiry of each piece of evidence (null = never expires).
  evidenceExpiries: readonly (Date | null)[];
  // Expiry of the approved waiver, if the item has one.
  waiverExpiresAt: Date | null;
};

export function isWaiverValid(waiverExpiresAt: Date | null, now: Date): boolean {
  return waiverExpiresAt !== null && waiverExpiresAt.getTime() > now.getTime();
}

// Stale: the item has evidence and every piece of it has expired, so nothing
// currently vouches for it.
export function isEvidenceStale(evidenceExpiries: readonly (Date | null)[], now: Date): boolean {
  return evidenceExpiries.length > 0 && evidenceExpiries.every((expiry) => expiry !== null && expiry.getTime() <= now.getTime());
}

// Precedence: not applicable > done (with current evidence) > valid waiver >
// done but stale > partial > missing. A waiver never upgrades an item that is
// done already, and is always reported as WAIVED, never as DONE.
export function standingOf(item: ScorableItem, now: Date): Standing {
  if (item.status === "NOT_APPLICABLE") return "NOT_APPLICABLE";
  const stale = isEvidenceStale(item.evidenceExpiries, now);
  if (item.status === "DONE" && !stale) return "DONE";
  if (isWaiverValid(item.waiverExpiresAt, now)) return "WAIVED";
  if (item.status === "DONE") return "STALE";
  return item.status;
}

// Credit in halves, so sums stay exact integers: DONE/WAIVED 2, PARTIAL/STALE 1.
export const CREDIT_HALVES: Record<Standing, number> = {
  DONE: 2,
  WAIVED: 2,
  STALE: 1,
  PARTIAL: 1,
  MISSING: 0,
  NOT_APPLICABLE: 0,
};

export const isApplicable = (standing: Standing) => standing !== "NOT_APPLICABLE";
export const isSatisfied = (standing: Standing) => standing === "DONE" || standing === "WAIVED";
