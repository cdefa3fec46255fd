import "server-only";
import { dayIn } from "@/lib/domain/readiness/dates";
import { actorUserId, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { conflict, forbidden, invalidField, notFound, parseInput } from "@/lib/server/kernel/errors";
import { decideWaiverInput, requestWaiverInput, withdrawWaiverInput } from "@/lib/schemas/waiver";
import type { Prisma } from "@/generated/prisma/client";
import { notifyWaiverDecided, notifyWaiverRequested } from "@/lib/server/notifications/emitters";
import { recordProjectChange } from "./activity";
import { assertEditable, itemInTeam, toStartOfDay } from "@/lib/server/kernel/tenancy";

// A waiver is risk acceptance: the item stays as it is, counts as done while
// the approved waiver is valid, and is always shown as waived. Each change
// returns the item it concerns and its project, for the caller to refresh.

type WaivedItem = { projectId: string; itemId: string };

export async function requestWaiver(actor: Actor, input: unknown): Promise<WaivedItem & { waiverId: string }> {
  authorize(actor, "waiver.request");
  const { itemId, reason, expiresAt } = parseInput(requestWaiverInput, input);
  // "The future" begins tomorrow in the team's zone: a waiver ends as its day starts.
  if (expiresAt <= dayIn(new Date(), actor.timeZone)) throw invalidField("expiresAt", "Choose an expiry date in the future.");
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, itemId);
    // Serialises requests for the same item so only one can be open.
    await tx.$queryRaw`SELECT id FROM item WHERE id = ${item.id} AND "teamId" = ${actor.teamId} FOR UPDATE`;
    const open = await tx.waiver.findFirst({
      where: { itemId: item.id, teamId: actor.teamId, OR: [{ status: "PENDING" }, { status: "APPROVED", expiresAt: { gt: new Date() } }] },
    });
    if (open) throw conflict(open.status === "PENDING" ? "A waiver for this item is already awaiting a decision." : "This item already has a valid waiver.");
    const waiver = await tx.waiver.create({
      data: { teamId: actor.teamId, itemId: item.id, reason, expiresAt: toStartOfDay(expiresAt, actor.timeZone), requestedById: actorUserId(actor) },
    });
    await recordProjectChange(tx, actor, {
      action: "waiver.requested",
      entityType: "waiver",
      entityId: waiver.id,
      projectId: item.projectId,
      itemId: item.id,
      after: { reason, expiresAt },
    });
    await notifyWaiverRequested(tx, actor, item.id, reason);
    return { waiverId: waiver.id, projectId: item.projectId, itemId: item.id };
  });
}

async function waiverInTeam(tx: Prisma.TransactionClient, actor: Actor, waiverId: string) {
  const waiver = await tx.waiver.findFirst({
    where: { id: waiverId, teamId: actor.teamId },
    include: { item: { select: { projectId: true, project: { select: { archivedAt: true } } } } },
  });
  if (!waiver) throw notFound("Waiver");
  assertEditable(waiver.item.project);
  return waiver;
}

// A waiver accepts a risk: the gate lets only a lead or admin in person decide it.
export async function decideWaiver(actor: Actor, input: unknown): Promise<WaivedItem> {
  authorize(actor, "waiver.decide");
  const { waiverId, decision, note } = parseInput(decideWaiverInput, input);
  return db.$transaction(async (tx) => {
    const waiver = await waiverInTeam(tx, actor, waiverId);
    if (waiver.requestedById === actorUserId(actor)) {
      throw forbidden("A waiver must be decided by a lead or admin other than the person who requested it.");
    }
    const status = decision === "APPROVE" ? "APPROVED" : "REJECTED";
    // Only a pending waiver can be decided; two leads deciding at once get one winner.
    const decided = await tx.waiver.updateMany({
      where: { id: waiver.id, teamId: actor.teamId, status: "PENDING" },
      data: { status, decidedById: actorUserId(actor), decidedAt: new Date(), decisionNote: note || null },
    });
    if (decided.count === 0) throw conflict("This waiver has already been decided or withdrawn.");
    await recordProjectChange(tx, actor, {
      action: decision === "APPROVE" ? "waiver.approved" : "waiver.rejected",
      entityType: "waiver",
      entityId: waiver.id,
      projectId: waiver.item.projectId,
      itemId: waiver.itemId,
      before: { status: "PENDING" },
      after: { status, note: note || null, expiresAt: dayIn(waiver.expiresAt, actor.timeZone) },
    });
    await notifyWaiverDecided(tx, actor, { itemId: waiver.itemId, requestedById: waiver.requestedById, status, note: note || null });
    return { projectId: waiver.item.projectId, itemId: waiver.itemId };
  });
}

// The requester can withdraw their own request; leads (and those the gate
// lets do so) can end any open waiver.
export async function withdrawWaiver(actor: Actor, input: unknown): Promise<WaivedItem> {
  authorize(actor, "waiver.request");
  const { waiverId } = parseInput(withdrawWaiverInput, input);
  return db.$transaction(async (tx) => {
    const waiver = await waiverInTeam(tx, actor, waiverId);
    if (waiver.requestedById !== actorUserId(actor)) authorize(actor, "waiver.withdrawAny");
    const withdrawn = await tx.waiver.updateMany({
      where: { id: waiver.id, teamId: actor.teamId, status: { in: ["PENDING", "APPROVED"] } },
      data: { status: "WITHDRAWN", decidedById: actorUserId(actor), decidedAt: new Date() },
    });
    if (withdrawn.count === 0) throw conflict("This waiver is no longer open.");
    await recordProjectChange(tx, actor, {
      action: "waiver.withdrawn",
      entityType: "waiver",
      entityId: waiver.id,
      projectId: waiver.item.projectId,
      itemId: waiver.itemId,
      before: { status: waiver.status },
      after: { status: "WITHDRAWN" },
    });
    return { projectId: waiver.item.projectId, itemId: waiver.itemId };
  });
}
