import "server-only";
import { evidenceRequired, PRIORITY_LABEL, type EvidencePolicy, type ItemPriority, type ItemStatus } from "@/lib/domain/readiness/vocabulary";
import { invalidField } from "@/lib/server/kernel/errors";

// The rules every change to an item's fields follows, whether one item is
// edited (items.ts) or many at once (bulk-items.ts): what N/A asks for, and
// when the evidence policy refuses DONE. Who may change which field is
// item-permissions.ts.

type StatusOf = { status: ItemStatus; notApplicableReason: string | null };
type StatusChange = { status?: ItemStatus; notApplicableReason?: string | null };

/**
 * The N/A reason to store after `changes` (undefined: leave it as it is). An
 * item that is or becomes N/A needs a reason (the one sent, or the one it
 * has); one that leaves N/A loses its reason. A reason for an item that is
 * not N/A after the change is refused rather than stored: it would be shown
 * nowhere, and resurface as the reason the day someone marks the item N/A.
 * Errors: VALIDATION on `notApplicableReason`.
 */
export function notApplicableReasonAfter(item: StatusOf, changes: StatusChange): string | null | undefined {
  const status = changes.status ?? item.status;
  if (status === "NOT_APPLICABLE") {
    const reason = changes.notApplicableReason ?? item.notApplicableReason;
    if (!reason) throw invalidField("notApplicableReason", "Say why this item does not apply.");
    return changes.notApplicableReason;
  }
  if (changes.notApplicableReason) throw invalidField("notApplicableReason", "Only an item marked N/A has a reason for it: set the status to N/A with the reason.");
  return changes.status ? null : undefined;
}

/**
 * The priority under which the project's evidence policy asks for evidence
 * before `changes` may mark the item done, or undefined when it asks for none
 * (the change does not mark it done, or its policy spares that priority).
 */
export function evidenceAskedFor(
  policy: EvidencePolicy,
  item: { status: ItemStatus; priority: ItemPriority },
  changes: { status?: ItemStatus; priority?: ItemPriority },
): { priority: ItemPriority } | undefined {
  if (changes.status !== "DONE" || item.status === "DONE") return undefined;
  const priority = changes.priority ?? item.priority;
  return evidenceRequired(policy, priority) ? { priority } : undefined;
}

/** Evidence that counts at `now`: no expiry, or one still ahead. A `where` for evidence rows of the team. */
export const currentEvidenceWhere = (teamId: string, now: Date) => ({ teamId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** Why DONE was refused for an item without current evidence, in words. */
export const evidenceFirstMessage = (priority: ItemPriority) =>
  `This project asks for evidence before ${priority ? `a ${PRIORITY_LABEL[priority].toLowerCase()} item` : "any item"} is marked done. Add a link or path first.`;
