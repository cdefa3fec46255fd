// What removing a piece of evidence does to an item. Removing evidence must
// never make an item count for more than it did, now or later (docs/adr/0013):
// deleting evidence is not a verification. So a done item whose removal
// would raise its standing, or which loses its last piece of evidence when
// that piece carried a re-verify date (expired or not), is set to Partial —
// what it counts as already, or would have once that date passed — rather
// than left "done by hand" for a waiver's end, a lower priority or a looser
// policy to turn into done.
import { CREDIT_HALVES, standingOf, type ScorableItem } from "./standing";
import { STANDING_LABEL, STATUS_LABEL, type ItemStatus, type Standing } from "./vocabulary";

export type EvidenceRemoval = {
  standingBefore: Standing;
  standingAfter: Standing;
  // The item's status after the removal; differs from its status only when
  // the removal would otherwise let the item count for more, now or later.
  statusAfter: ItemStatus;
};

/**
 * The effect of removing the piece of evidence at `index` of
 * `item.evidenceExpiries`, judged at `now`. Pure; the service applies
 * `statusAfter` and the UI states `standingAfter` before asking to confirm.
 */
export function evidenceRemoval(item: ScorableItem, index: number, now: Date): EvidenceRemoval {
  const standingBefore = standingOf(item, now);
  const remaining = { ...item, evidenceExpiries: item.evidenceExpiries.filter((_, i) => i !== index) };
  const naive = standingOf(remaining, now);
  // Judged as if the item's pending check had given its verdict (or been
  // removed): it hides what the evidence is worth only until then.
  const raises = CREDIT_HALVES[standingOf({ ...remaining, pendingCheck: false }, now)] > CREDIT_HALVES[standingOf({ ...item, pendingCheck: false }, now)];
  const dropsReverification = item.status === "DONE" && remaining.evidenceExpiries.length === 0 && item.evidenceExpiries[index] !== null;
  if (!dropsReverification && !raises) return { standingBefore, standingAfter: naive, statusAfter: item.status };
  const statusAfter: ItemStatus = "PARTIAL";
  return { standingBefore, standingAfter: standingOf({ ...remaining, status: statusAfter }, now), statusAfter };
}

/** What the removal will do to the item, in a sentence for the confirmation and the API. */
export function evidenceRemovalEffect({ standingBefore, standingAfter, statusAfter }: EvidenceRemoval, statusBefore: ItemStatus): string {
  if (statusAfter !== statusBefore) {
    return `It is the item's last evidence and carries a re-verify date: removing it does not verify the item for good, so the item will be set to ${STATUS_LABEL[statusAfter]} and count as partial until someone verifies it again.`;
  }
  if (standingAfter === standingBefore) return `The item stays ${STANDING_LABEL[standingAfter]}.`;
  if (standingAfter === "NEEDS_EVIDENCE") {
    return "It is the only current evidence of a done item that the project's evidence policy asks evidence for: the item will show as Needs evidence and count as partial, not done, until evidence is added.";
  }
  if (standingAfter === "STALE") return "The item's other evidence has expired: the item will show as Stale and count as partial, not done, until it is re-verified.";
  return `The item will change from ${STANDING_LABEL[standingBefore]} to ${STANDING_LABEL[standingAfter]}.`;
}
