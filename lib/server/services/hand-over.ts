import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { openItemsByProject, planHandOver, type OpenItemsInProject } from "@/lib/domain/members/hand-over";
import { standingOf } from "@/lib/domain/readiness/standing";
import { actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { invalidField } from "@/lib/server/kernel/errors";
import { pendingChecksSelect, scorableOf } from "@/lib/server/read-models/item-view";
import { notifyAssigned } from "@/lib/server/notifications/emitters";
import { recordProjectChange, type ProjectActivityEntry } from "./activity";

// The hand-over of a leaving person's items, shared by the removal of a
// member and the deletion of an account (docs/adr/0016). Called inside the
// caller's transaction, so the items change hands in the same commit as the
// membership disappears, or not at all.

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

/** A person as the hand-over names them in its records. */
export type Person = { userId: string; name: string };

/** Why the items changed hands, kept with each record. */
export type HandOverReason = "member.removed" | "account.deleted";

// What deciding "open" needs: the scoring module's inputs, and the project.
const ownedItemSelect = {
  id: true,
  ownerId: true,
  projectId: true,
  version: true,
  status: true,
  priority: true,
  effortHours: true,
  project: { select: { name: true, archivedAt: true, evidencePolicy: true } },
  evidence: { select: { expiresAt: true } },
  waivers: { where: { status: "APPROVED" }, select: { status: true, expiresAt: true } },
  checks: pendingChecksSelect,
} satisfies Prisma.ItemSelect;

async function ownedItems(client: Client, teamId: string, userIds: string[], now: Date) {
  const rows = await client.item.findMany({
    where: { teamId, ownerId: { in: userIds } },
    orderBy: [{ project: { name: "asc" } }, { projectId: "asc" }, { position: "asc" }],
    relationLoadStrategy: "join",
    select: ownedItemSelect,
  });
  return rows.map((row) => ({
    id: row.id,
    ownerId: row.ownerId as string,
    version: row.version,
    projectId: row.projectId,
    projectName: row.project.name,
    archived: row.project.archivedAt !== null,
    standing: standingOf(scorableOf(row, row.project.evidencePolicy, now), now),
  }));
}

/**
 * The open items (see needsOwner) each of the given people owns in the team,
 * per project, keyed by user id; people who own nothing open have no key.
 * One statement.
 */
export async function openItemsOf(teamId: string, userIds: string[], now = new Date()): Promise<Record<string, OpenItemsInProject[]>> {
  if (userIds.length === 0) return {};
  const items = await ownedItems(db, teamId, userIds, now);
  const result: Record<string, OpenItemsInProject[]> = {};
  for (const userId of new Set(items.map((item) => item.ownerId))) {
    const open = openItemsByProject(items.filter((item) => item.ownerId === userId));
    if (open.length) result[userId] = open;
  }
  return result;
}

/**
 * The successor named for a leaving person: a current member of the team
 * other than the person leaving, or null to leave the items unassigned.
 * Throws a field-level VALIDATION error (on `field`) for anyone else.
 */
export async function successorIn(tx: Tx, teamId: string, successorId: string | null, leavingUserId: string, field: string): Promise<Person | null> {
  if (successorId === null) return null;
  const member =
    successorId === leavingUserId
      ? null
      : await tx.membership.findFirst({ where: { teamId, userId: successorId }, select: { user: { select: { id: true, name: true } } } });
  if (!member) throw invalidField(field, "Choose a current member of this team to take over, or leave the items unassigned.");
  return { userId: member.user.id, name: member.user.name };
}

/**
 * Hands every item the leaving person owns in the actor's team over: open
 * items to the successor (or to nobody), finished items to nobody. Each item
 * gets a new version (an edit based on the old one is refused, not applied
 * over the hand-over) and one `item.handedOver` record in its project, naming
 * both people, so the feeds stay readable after the person is gone.
 * Returns how many items went to the successor and how many to nobody.
 */
export async function handOverItems(
  tx: Tx,
  actor: Actor,
  { leaving, successor, reason }: { leaving: Person; successor: Person | null; reason: HandOverReason },
  now = new Date(),
): Promise<{ handedOver: number; unassigned: number }> {
  // Rows locked first: an edit of one of these items waits, then sees the new version.
  await tx.$queryRaw`SELECT id FROM item WHERE "teamId" = ${actor.teamId} AND "ownerId" = ${leaving.userId} FOR UPDATE`;
  const items = await ownedItems(tx, actor.teamId, [leaving.userId], now);
  const plan = planHandOver(items);
  const toSuccessor = successor ? plan.toSuccessor : [];
  const toNobody = successor ? plan.toNobody : items;

  const entries: ProjectActivityEntry[] = [];
  for (const [group, owner] of [[toSuccessor, successor], [toNobody, null]] as const) {
    if (group.length === 0) continue;
    await tx.item.updateMany({
      where: { teamId: actor.teamId, id: { in: group.map((item) => item.id) } },
      data: { ownerId: owner?.userId ?? null, version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
    });
    for (const item of group) {
      entries.push({
        action: "item.handedOver",
        entityType: "item",
        entityId: item.id,
        projectId: item.projectId,
        itemId: item.id,
        before: { ownerId: leaving.userId, ownerName: leaving.name, version: item.version },
        after: { ownerId: owner?.userId ?? null, ownerName: owner?.name ?? null, version: item.version + 1, because: reason },
      });
    }
  }
  await recordProjectChange(tx, actor, entries);
  if (successor && toSuccessor.length > 0) await notifyAssigned(tx, actor, successor.userId, toSuccessor.map((item) => item.id), leaving.name);
  return { handedOver: toSuccessor.length, unassigned: toNobody.length };
}
