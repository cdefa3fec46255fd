import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { actorLabel, actorUserId, type Actor } from "@/lib/server/kernel/actor";
import { recordReadinessSnapshot } from "@/lib/server/services/snapshots";

export type ActivityEntry = {
  action: string;
  entityType: string;
  entityId: string;
  projectId?: string;
  itemId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

// Every mutation calls this inside its own transaction, after making its
// change, so a change and its audit record are committed (or rolled back)
// together. Every change inside a project passes through here, which makes it
// the one place that keeps the project's readiness history current.
export async function recordActivity(tx: Prisma.TransactionClient, actor: Actor, entry: ActivityEntry) {
  await recordActivities(tx, actor, [entry]);
}

/**
 * Records one change made to many records at once (a hand-over of a leaving
 * person's items): every entry in one insert, and the readiness history kept
 * current once per project touched rather than once per entry.
 */
export async function recordActivities(tx: Prisma.TransactionClient, actor: Actor, entries: readonly ActivityEntry[]) {
  if (entries.length === 0) return;
  await tx.activity.createMany({ data: entries.map((entry) => activityRow(actor, entry)) });
  const projectIds = new Set(entries.flatMap((entry) => (entry.projectId ? [entry.projectId] : [])));
  for (const projectId of projectIds) await recordReadinessSnapshot(tx, actor, projectId, "CHANGE");
}

function activityRow(actor: Actor, entry: ActivityEntry): Prisma.ActivityUncheckedCreateInput {
  return {
    teamId: actor.teamId,
    actorUserId: actorUserId(actor),
    actorTokenId: actor.kind === "token" ? actor.tokenId : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    projectId: entry.projectId,
    itemId: entry.itemId,
    before: entry.before,
    after: entry.after,
  };
}
