import "server-only";
import { actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { invalidField, notFound, parseInput } from "@/lib/server/kernel/errors";
import { dayIn } from "@/lib/domain/readiness/dates";
import { addEvidenceInput, removeEvidenceInput } from "@/lib/schemas/evidence";
import { evidenceRemoval, type EvidenceRemoval } from "@/lib/domain/readiness/evidence-removal";
import { scorableOf } from "@/lib/server/read-models/item-view";
import { defaultLabel, evidenceIn, lockedEvidenceItem, type AddedEvidence, type EvidenceItem } from "./evidence-item";
import { removedEvidence } from "./evidence-snapshot";
import { recordProjectChange } from "./activity";
import { itemUpdatedEntry } from "./item-changes";
import { itemIdIn, itemInTeam, toStartOfDay } from "@/lib/server/kernel/tenancy";

/**
 * Adds evidence to an item. Input (addEvidenceInput): the item by `itemId`
 * or by `projectId` and `key`; `kind`; the link, path or note as `target`, or
 * a link as `url` (then its field errors say `url`); `label`; `expiresAt`.
 * Adding the same link or path to an item again returns the evidence already
 * there (created: false) and records nothing, so a CI job that retries or
 * runs twice does not pile up copies. Returns the evidence as it stands.
 * Errors: VALIDATION (field-level), FORBIDDEN, NOT_FOUND, CONFLICT (archived).
 */
export async function addEvidence(actor: Actor, input: unknown): Promise<AddedEvidence> {
  authorize(actor, "evidence.add");
  const { kind, target, label, expiresAt, ...ref } = parseInput(addEvidenceInput, input);
  // A re-verify date of today or earlier would add evidence that vouches for nothing.
  if (expiresAt && expiresAt <= dayIn(new Date(), actor.timeZone)) throw invalidField("expiresAt", "Choose a re-verify date after today.");
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, ref);
    const isLink = kind !== "FILE_PATH" && kind !== "NOTE";
    if (kind !== "NOTE") {
      // Serialises concurrent adds to the same item, so two retries racing
      // each other still leave one copy.
      await tx.$queryRaw`SELECT id FROM item WHERE id = ${item.id} FOR UPDATE`;
      const existing = await tx.evidence.findFirst({
        where: { itemId: item.id, teamId: actor.teamId, ...(isLink ? { url: target } : { path: target }) },
        select: { id: true },
      });
      if (existing) return evidenceIn(tx, actor, item, existing.id, false);
    }
    const evidence = await tx.evidence.create({
      data: {
        teamId: actor.teamId,
        itemId: item.id,
        kind,
        url: isLink ? target : null,
        path: kind === "FILE_PATH" ? target : null,
        label: label || defaultLabel(kind, target),
        expiresAt: toStartOfDay(expiresAt, actor.timeZone),
        addedById: actorUserId(actor), addedByLabel: nonPersonLabel(actor),
      },
    });
    await recordProjectChange(tx, actor, {
      action: "evidence.added",
      entityType: "evidence",
      entityId: evidence.id,
      projectId: item.projectId,
      itemId: item.id,
      after: { kind, label: evidence.label, url: evidence.url, path: evidence.path, expiresAt: expiresAt ?? null },
    });
    return evidenceIn(tx, actor, item, evidence.id, true);
  });
}

/**
 * Removes a piece of evidence: `evidenceId`, and optionally its item by
 * `itemId` or by `projectId` and `key` (it must be the evidence's). Removing
 * evidence never makes the item count for more
 * (lib/domain/readiness/evidence-removal.ts): when it would, the item is set
 * to Partial in the same transaction, with its own activity entry and version
 * bump. Returns what the removal did to the item, the item and its project.
 * Errors: NOT_FOUND (other team, other item), FORBIDDEN, archived project.
 */
export async function removeEvidence(actor: Actor, input: unknown): Promise<EvidenceRemoval & EvidenceItem> {
  authorize(actor, "evidence.remove");
  const { evidenceId, ...ref } = parseInput(removeEvidenceInput, input);
  return db.$transaction(async (tx) => {
    const itemId = ref.itemId || ref.projectId || ref.key ? await itemIdIn(tx, actor, ref) : undefined;
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, teamId: actor.teamId, ...(itemId ? { itemId } : {}) },
      select: { id: true, itemId: true, kind: true, label: true, url: true, path: true, expiresAt: true, createdAt: true, addedById: true, addedByLabel: true, checkId: true },
    });
    if (!evidence) throw notFound("Evidence");
    // The item row is locked so that a concurrent removal or status change
    // is judged against what this one leaves behind.
    const item = await lockedEvidenceItem(tx, actor, evidence.itemId);
    const now = new Date();
    const removal = evidenceRemoval(scorableOf(item, item.project.evidencePolicy, now), item.evidence.findIndex((e) => e.id === evidence.id), now);

    // Both writes before the activity, so the readiness snapshot it takes
    // sees the item as the removal leaves it.
    await tx.evidence.delete({ where: { id: evidence.id } });
    const statusChanged = removal.statusAfter !== item.status;
    if (statusChanged) {
      await tx.item.update({
        where: { id: item.id },
        data: { status: removal.statusAfter, version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
      });
    }
    await recordProjectChange(tx, actor, {
      action: "evidence.removed",
      entityType: "evidence",
      entityId: evidence.id,
      projectId: item.projectId,
      itemId: item.id,
      // The whole piece of evidence and the item's status and version: what
      // an undo (restoreEvidence) puts back.
      before: { ...removedEvidence(evidence), standing: removal.standingBefore, status: item.status, version: item.version },
      after: { standing: removal.standingAfter, status: removal.statusAfter, version: statusChanged ? item.version + 1 : item.version },
    });
    if (statusChanged) {
      await recordProjectChange(tx, actor, itemUpdatedEntry(item, item.version, { status: item.status }, { status: removal.statusAfter }));
    }
    return { ...removal, projectId: item.projectId, itemId: item.id };
  });
}

// Editing evidence and undoing a removal, with the rest of evidence's services.
export { updateEvidence } from "./evidence-edit";
export { restoreEvidence, RESTORE_WINDOW_MS } from "./evidence-restore";
