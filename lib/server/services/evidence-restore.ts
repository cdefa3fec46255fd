import "server-only";
import { actorTokenId, actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { conflict, forbidden, notFound, parseInput } from "@/lib/server/kernel/errors";
import { restoreEvidenceInput } from "@/lib/schemas/evidence";
import { recordProjectChange } from "./activity";
import { evidenceIn, lockedEvidenceItem, standingNow, standingOfRow, type AddedEvidence } from "./evidence-item";
import { readRemovedEvidence } from "./evidence-snapshot";
import { itemUpdatedEntry } from "./item-changes";

/** How long after removing evidence its remover may undo the removal: 5 minutes. */
export const RESTORE_WINDOW_MS = 5 * 60_000;

/**
 * Undoes a removal of evidence (docs/adr/0035-evidence-undo.md): puts back
 * the same evidence — same id, kind, link or path, label, re-verify date,
 * who added it and when — from the removal's activity record. Only the one
 * who removed it, within RESTORE_WINDOW_MS of the removal, and only once.
 * When the removal had set the item to Partial and nobody has changed the
 * item since, the item's status goes back too. Recorded as its own activity
 * entry ("evidence.restored"). Returns the evidence as it stands again.
 * Errors: NOT_FOUND (no removal of it in the team), FORBIDDEN (removed by
 * someone else), CONFLICT (too late, back already or its link or path added
 * again, archived project).
 */
export async function restoreEvidence(actor: Actor, input: unknown, now = new Date()): Promise<AddedEvidence> {
  authorize(actor, "evidence.add");
  const { evidenceId } = parseInput(restoreEvidenceInput, input);
  return db.$transaction(async (tx) => {
    const removal = await tx.activity.findFirst({
      where: { teamId: actor.teamId, action: "evidence.removed", entityType: "evidence", entityId: evidenceId },
      orderBy: { createdAt: "desc" },
      select: { itemId: true, projectId: true, actorUserId: true, actorTokenId: true, createdAt: true, before: true, after: true },
    });
    if (!removal?.itemId) throw notFound("Removed evidence");
    const sameActor = actorUserId(actor) !== null ? removal.actorUserId === actorUserId(actor) : actorTokenId(actor) !== null && removal.actorTokenId === actorTokenId(actor);
    if (!sameActor) throw forbidden("Only whoever removed this evidence can undo the removal; add it again instead.");
    if (now.getTime() - removal.createdAt.getTime() > RESTORE_WINDOW_MS) throw conflict("This removal is too long ago to undo: add the evidence again.");
    const removed = readRemovedEvidence(removal.before, removal.after);
    if (!removed) throw conflict("This removal cannot be undone: add the evidence again.");

    // Locked first: a second undo waits here, then finds the evidence back.
    const item = await lockedEvidenceItem(tx, actor, removal.itemId);
    if (await tx.evidence.findUnique({ where: { id: evidenceId }, select: { id: true } })) throw conflict("This evidence is back already.");
    // The same link or path added again since (adding keeps one copy of each): putting this one back would make two.
    const target = removed.url ? { url: removed.url } : removed.path ? { path: removed.path } : null;
    if (target && (await tx.evidence.findFirst({ where: { itemId: item.id, teamId: actor.teamId, ...target }, select: { id: true } }))) {
      throw conflict("The item has this evidence again already: it was added since the removal.");
    }

    const standingBefore = standingOfRow(item, now);
    // Its author's account or its check may have gone meanwhile.
    const [author, check] = await Promise.all([
      removed.addedById ? tx.user.findUnique({ where: { id: removed.addedById }, select: { id: true } }) : null,
      removed.checkId ? tx.check.findFirst({ where: { id: removed.checkId, teamId: actor.teamId, itemId: item.id }, select: { id: true } }) : null,
    ]);
    await tx.evidence.create({
      data: {
        id: evidenceId,
        teamId: actor.teamId,
        itemId: item.id,
        kind: removed.kind,
        url: removed.url,
        path: removed.path,
        label: removed.label,
        expiresAt: removed.expiresAt,
        createdAt: removed.createdAt,
        addedById: author?.id ?? null,
        addedByLabel: author ? null : (removed.addedByLabel ?? null),
        checkId: check?.id ?? null,
      },
    });
    // The removal set the item to Partial, and the item is as it left it.
    const revertStatus = removed.statusBefore !== null && removed.statusAfter !== removed.statusBefore && item.status === removed.statusAfter && item.version === removed.versionAfter;
    if (revertStatus) {
      await tx.item.update({
        where: { id: item.id },
        data: { status: removed.statusBefore!, version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
      });
    }
    const standingAfter = await standingNow(tx, actor, item.id, now);
    await recordProjectChange(tx, actor, {
      action: "evidence.restored",
      entityType: "evidence",
      entityId: evidenceId,
      projectId: item.projectId,
      itemId: item.id,
      before: { standing: standingBefore },
      after: { kind: removed.kind, label: removed.label, url: removed.url, path: removed.path, expiresAt: removed.expiresAt?.toISOString() ?? null, standing: standingAfter },
    });
    if (revertStatus) {
      await recordProjectChange(tx, actor, itemUpdatedEntry(item, item.version, { status: item.status }, { status: removed.statusBefore! }));
    }
    return evidenceIn(tx, actor, item, evidenceId, true);
  });
}
