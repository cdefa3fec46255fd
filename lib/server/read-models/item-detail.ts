import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { evidenceViewQuery, toEvidenceView, type EvidenceView } from "./evidence-view";
import { itemViewSelect, toItemView, type ItemView } from "./item-view";

/** An item with its project, its category's name and its evidence: what the REST API presents of one item. */
export type ItemDetail = ItemView & { projectId: string; categoryName: string; evidence: EvidenceView[] };

type Client = Pick<Prisma.TransactionClient, "item">;

/**
 * The item `where` names in the actor's team (by id, or by project and key),
 * in one joined statement through `client` (the pool, or a service's
 * transaction, which then sees its own writes); null when there is none.
 */
export async function itemDetailIn(client: Client, actor: Actor, where: { id: string } | { projectId: string; key: string }, now = new Date()): Promise<ItemDetail | null> {
  const row = await client.item.findFirst({
    where: { ...where, teamId: actor.teamId },
    relationLoadStrategy: "join",
    select: { ...itemViewSelect, projectId: true, category: { select: { name: true } }, project: { select: { evidencePolicy: true } }, evidence: evidenceViewQuery },
  });
  if (!row) return null;
  return {
    ...toItemView(row, row.project.evidencePolicy, now, actor.timeZone),
    projectId: row.projectId,
    categoryName: row.category.name,
    evidence: row.evidence.map((e) => toEvidenceView(e, now, actor.timeZone)),
  };
}

/** An item as the REST API names it: by project and key. Errors: FORBIDDEN, NOT_FOUND. */
export async function loadItemByKey(actor: Actor, projectId: string, key: string, now = new Date()): Promise<ItemDetail> {
  authorize(actor, "project.read");
  const item = await itemDetailIn(db, actor, { projectId, key }, now);
  if (!item) throw notFound("Item");
  return item;
}
