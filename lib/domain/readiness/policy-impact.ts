// What an evidence policy would do to a project's done items, so that a lead
// who tightens it sees the cost before saving (docs/adr/0013).
import { EVIDENCE_POLICIES, evidenceRequired, type EvidencePolicy, type ItemPriority, type ItemStatus, type Standing } from "./vocabulary";

type ItemState = { status: ItemStatus; standing: Standing; priority: ItemPriority; evidenceCount: number };

/**
 * Per policy, how many items would stand as "needs evidence": done, not
 * validly waived, without any evidence, and asked for it at their priority.
 * Items with only expired evidence are stale under every policy and not counted.
 */
export function needsEvidenceByPolicy(items: readonly ItemState[]): Record<EvidencePolicy, number> {
  const unproven = items.filter((item) => item.status === "DONE" && item.evidenceCount === 0 && (item.standing === "DONE" || item.standing === "NEEDS_EVIDENCE"));
  return Object.fromEntries(EVIDENCE_POLICIES.map((policy) => [policy, unproven.filter((item) => evidenceRequired(policy, item.priority)).length])) as Record<EvidencePolicy, number>;
}
