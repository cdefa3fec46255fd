import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { actorLabel, actorTokenId, actorUserId, type Actor } from "@/lib/server/kernel/actor";
import { recordReadinessSnapshot } from "@/lib/server/services/snapshots";

// Audit and history are two steps (docs/adr/0020-one-access-gate.md):
// recordActivity only writes the audit record of a change to the team;
// recordProjectChange writes the records of a change inside a project and
// keeps that project's readiness history current. Both run inside the
// change's own transaction, after making the change, so a change and its
// records are committed (or rolled back) together.

type Entry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** A change to the team itself (its people, tokens, templates, name): in no project. */
export type TeamActivityEntry = Entry & { projectId?: never; itemId?: never };

/** A change inside a project, to the project itself or to one of its items. */
export type ProjectActivityEntry = Entry & { projectId: string; itemId?: string };

/**
 * Records a change to the team. Throws (a programming error) for an entry
 * with a project: those go through recordProjectChange, so no change inside a
 * project can skip its readiness history.
 */
export async function recordActivity(tx: Prisma.TransactionClient, actor: Actor, entry: TeamActivityEntry): Promise<void> {
  if ((entry as { projectId?: string }).projectId !== undefined || (entry as { itemId?: string }).itemId !== undefined) {
    throw new Error(`“${entry.action}” happened in a project: record it with recordProjectChange.`);
  }
  await tx.activity.createMany({ data: [activityRow(actor, entry)] });
}

/**
 * Records a change inside one or more projects: every entry in one insert,
 * then the readiness snapshot (a CHANGE, see snapshots.ts) once per project
 * touched rather than once per entry.
 */
export async function recordProjectChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  entries: ProjectActivityEntry | readonly ProjectActivityEntry[],
): Promise<void> {
  const list: readonly ProjectActivityEntry[] = Array.isArray(entries) ? entries : [entries as ProjectActivityEntry];
  if (list.length === 0) return;
  await tx.activity.createMany({ data: list.map((entry) => activityRow(actor, entry)) });
  for (const projectId of new Set(list.map((entry) => entry.projectId))) await recordReadinessSnapshot(tx, actor, projectId, "CHANGE");
}

function activityRow(actor: Actor, entry: TeamActivityEntry | ProjectActivityEntry): Prisma.ActivityUncheckedCreateInput {
  return {
    teamId: actor.teamId,
    actorUserId: actorUserId(actor),
    actorTokenId: actorTokenId(actor),
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
