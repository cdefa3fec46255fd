import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { levelChange, levelSummary } from "@/lib/domain/notifications/change-rules";
import type { LevelNumber } from "@/lib/domain/readiness/score";
import type { Actor } from "@/lib/server/kernel/actor";
import { emitNotification } from "./outbox";

/** Above this many new blockers in one change, one entry tells of them all (an import, a tightened policy). */
export const BLOCKERS_TOLD_ONE_BY_ONE = 5;

/** How a project's readiness moved in one change, as the snapshot writer compared it. */
export type ReadinessMove = {
  project: { id: string; name: string };
  /** The level before (null: no state before, which tells nothing) and now. */
  previousLevel: LevelNumber | null;
  level: LevelNumber;
  /** Items that became launch blockers with this change. */
  newBlockerIds: readonly string[];
};

/**
 * Tells the team's leads and admins, inside the change's transaction `tx`,
 * of a level that rose or fell (LEVEL_RAISED, LEVEL_LOWERED), and of each
 * item that became a launch blocker (NEW_LAUNCH_BLOCKER, its owner told
 * too; more than BLOCKERS_TOLD_ONE_BY_ONE at once make one entry about the
 * project). A move that changes neither writes nothing and reads nothing.
 */
export async function notifyReadinessMove(tx: Prisma.TransactionClient, actor: Actor, move: ReadinessMove): Promise<void> {
  const levelKind = levelChange(move.previousLevel, move.level);
  if (!levelKind && move.newBlockerIds.length === 0) return;
  const leads = (await tx.membership.findMany({ where: { teamId: actor.teamId, role: { in: ["LEAD", "ADMIN"] } }, select: { userId: true } })).map((m) => m.userId);
  const projectLink = `/projects/${move.project.id}`;
  if (levelKind && move.previousLevel !== null) {
    await emitNotification(tx, actor, {
      kind: levelKind,
      project: move.project,
      summary: levelSummary(move.project.name, move.previousLevel, move.level),
      details: { level: move.level, previousLevel: move.previousLevel },
      link: projectLink,
      recipientIds: leads,
    });
  }
  if (move.newBlockerIds.length === 0) return;
  const items = await tx.item.findMany({
    where: { teamId: actor.teamId, projectId: move.project.id, id: { in: [...move.newBlockerIds] } },
    orderBy: { key: "asc" },
    select: { id: true, key: true, title: true, ownerId: true },
  });
  if (items.length > BLOCKERS_TOLD_ONE_BY_ONE) {
    await emitNotification(tx, actor, {
      kind: "NEW_LAUNCH_BLOCKER",
      project: move.project,
      summary: `${move.project.name}: ${items.length} items became launch blockers (${items.slice(0, 3).map((i) => i.key).join(", ")} …)`,
      details: { blockers: items.length, keys: items.map((i) => i.key).join(",") },
      link: projectLink,
      recipientIds: [...leads, ...items.flatMap((i) => (i.ownerId ? [i.ownerId] : []))],
    });
    return;
  }
  for (const item of items) {
    await emitNotification(tx, actor, {
      kind: "NEW_LAUNCH_BLOCKER",
      project: move.project,
      item: { id: item.id, key: item.key, title: item.title },
      summary: `${move.project.name}: ${item.key} is now a launch blocker`,
      link: `/projects/${move.project.id}/items/${item.id}`,
      recipientIds: item.ownerId ? [...leads, item.ownerId] : leads,
    });
  }
}
