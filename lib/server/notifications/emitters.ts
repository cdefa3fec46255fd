import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  assignedSummary,
  commentAddedSummary,
  handedOverSummary,
  invitationAcceptedSummary,
  itemPath,
  MEMBERS_PATH,
  mentionedSummary,
  projectPath,
  waiverDecidedSummary,
  waiverRequestedSummary,
} from "@/lib/domain/notifications/summary";
import { PERMISSIONS } from "@/lib/domain/permissions";
import { actorUserId, type Actor } from "@/lib/server/kernel/actor";
import { emitNotification, shownActor } from "./outbox";

// The events changes cause, each built from ids the change already holds and
// written through the outbox in the change's own transaction (ADR 0038).
// Each reads the names its sentence needs in one statement.

type Tx = Prisma.TransactionClient;
type ItemFacts = { id: string; key: string; title: string; projectId: string; ownerId: string | null; project: { id: string; name: string } };

async function itemsIn(tx: Tx, actor: Actor, itemIds: readonly string[]): Promise<ItemFacts[]> {
  if (itemIds.length === 0) return [];
  return tx.item.findMany({
    where: { id: { in: [...itemIds] }, teamId: actor.teamId },
    orderBy: [{ projectId: "asc" }, { key: "asc" }],
    select: { id: true, key: true, title: true, projectId: true, ownerId: true, project: { select: { id: true, name: true } } },
  });
}

const itemRef = (item: ItemFacts) => ({ id: item.id, key: item.key, title: item.title });

// The items of one project, grouped, keeping their order.
function byProject(items: ItemFacts[]): ItemFacts[][] {
  const groups = new Map<string, ItemFacts[]>();
  for (const item of items) groups.set(item.projectId, [...(groups.get(item.projectId) ?? []), item]);
  return [...groups.values()];
}

/**
 * ITEM_ASSIGNED to `ownerId` for the items newly theirs: one event per
 * project however many items (a bulk edit of five is one "assigned you 5
 * items"), linking to the item when there is one, else to the project's
 * checklist showing that person's items. `leaving` names the person whose
 * items they were when the items were handed over.
 */
export async function notifyAssigned(tx: Tx, actor: Actor, ownerId: string, itemIds: readonly string[], leaving?: string): Promise<void> {
  // Taking an item oneself is no news to anyone.
  if (ownerId === actorUserId(actor)) return;
  for (const group of byProject(await itemsIn(tx, actor, itemIds))) {
    const { project } = group[0];
    const single = group.length === 1 ? group[0] : null;
    const place = { projectName: project.name };
    await emitNotification(tx, actor, {
      kind: "ITEM_ASSIGNED",
      project,
      item: single && itemRef(single),
      summary: leaving ? handedOverSummary(shownActor(actor), leaving, group, place) : assignedSummary(shownActor(actor), group, place),
      details: { count: group.length, ...(leaving ? { handedOverFrom: leaving } : {}) },
      link: single ? itemPath(project.id, single.id) : `${projectPath(project.id)}?owner=${encodeURIComponent(ownerId)}`,
      recipientIds: [ownerId],
    });
  }
}

/** WAIVER_REQUESTED to every member whose role may decide waivers (the requester is left out by the outbox). */
export async function notifyWaiverRequested(tx: Tx, actor: Actor, itemId: string, reason: string): Promise<void> {
  const [item] = await itemsIn(tx, actor, [itemId]);
  if (!item) return;
  const deciders = await tx.membership.findMany({
    where: { teamId: actor.teamId, role: { in: [...PERMISSIONS["waiver.decide"].roles] } },
    select: { userId: true },
  });
  await emitNotification(tx, actor, {
    kind: "WAIVER_REQUESTED",
    project: item.project,
    item: itemRef(item),
    summary: waiverRequestedSummary(shownActor(actor), item, { projectName: item.project.name }),
    details: { reason },
    link: itemPath(item.projectId, item.id),
    recipientIds: deciders.map((member) => member.userId),
  });
}

/** WAIVER_APPROVED or WAIVER_REJECTED to the requester and the item's owner. */
export async function notifyWaiverDecided(
  tx: Tx,
  actor: Actor,
  { itemId, requestedById, status, note }: { itemId: string; requestedById: string | null; status: "APPROVED" | "REJECTED"; note: string | null },
): Promise<void> {
  const [item] = await itemsIn(tx, actor, [itemId]);
  if (!item) return;
  await emitNotification(tx, actor, {
    kind: status === "APPROVED" ? "WAIVER_APPROVED" : "WAIVER_REJECTED",
    project: item.project,
    item: itemRef(item),
    summary: waiverDecidedSummary(shownActor(actor), status, item, { projectName: item.project.name }),
    details: { note },
    link: itemPath(item.projectId, item.id),
    recipientIds: [requestedById, item.ownerId].filter((id): id is string => id !== null),
  });
}

// Of `people` a comment mentions, those not yet told of it: an edit that takes
// a mention out and the next that puts it back must not tell them twice.
async function notToldOf(tx: Tx, actor: Actor, commentId: string, people: string[], isNew: boolean): Promise<string[]> {
  if (isNew || people.length === 0) return people;
  const told = await tx.notification.findMany({
    where: { teamId: actor.teamId, kind: "MENTIONED", userId: { in: people }, event: { payload: { path: ["details", "commentId"], equals: commentId } } },
    select: { userId: true },
  });
  const toldIds = new Set(told.map((entry) => entry.userId));
  return people.filter((id) => !toldIds.has(id));
}

/**
 * MENTIONED to each person newly mentioned in a comment, and, for a new
 * comment, COMMENT_ADDED to the item's owner unless they are mentioned (one
 * entry says it) or wrote it. `previouslyMentioned` are those an edited
 * comment already mentioned: they heard of it before, as did anyone an
 * earlier version mentioned (each person hears of a comment once).
 */
export async function notifyComment(
  tx: Tx,
  actor: Actor,
  { itemId, commentId, mentioned, previouslyMentioned = [], isNew }: { itemId: string; commentId: string; mentioned: readonly string[]; previouslyMentioned?: readonly string[]; isNew: boolean },
): Promise<void> {
  const [item] = await itemsIn(tx, actor, [itemId]);
  if (!item) return;
  const place = { projectName: item.project.name };
  const link = itemPath(item.projectId, item.id);
  const fresh = await notToldOf(tx, actor, commentId, mentioned.filter((id) => !previouslyMentioned.includes(id)), isNew);
  if (fresh.length > 0) {
    await emitNotification(tx, actor, {
      kind: "MENTIONED",
      project: item.project,
      item: itemRef(item),
      summary: mentionedSummary(shownActor(actor), item, place),
      details: { commentId },
      link,
      recipientIds: fresh,
    });
  }
  if (isNew && item.ownerId && !mentioned.includes(item.ownerId)) {
    await emitNotification(tx, actor, {
      kind: "COMMENT_ADDED",
      project: item.project,
      item: itemRef(item),
      summary: commentAddedSummary(shownActor(actor), item, place),
      details: { commentId },
      link,
      recipientIds: [item.ownerId],
    });
  }
}

/** INVITATION_ACCEPTED to whoever sent the invitation, if they are still in the team (the outbox checks). */
export async function notifyInvitationAccepted(tx: Tx, actor: Actor, { invitedById, role }: { invitedById: string | null; role: string }): Promise<void> {
  if (!invitedById) return;
  const team = await tx.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true } });
  await emitNotification(tx, actor, {
    kind: "INVITATION_ACCEPTED",
    summary: invitationAcceptedSummary(shownActor(actor), team.name, role),
    details: { role },
    link: MEMBERS_PATH,
    recipientIds: [invitedById],
  });
}
