import "server-only";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { evidenceViewQuery, toEvidenceView, type EvidenceView } from "./evidence-view";
import { itemViewSelect, toItemView, type ItemView } from "./item-view";

// Items as the REST API names them: by project and key.

export type ItemWithEvidence = { item: ItemView; categoryName: string; evidence: EvidenceView[] };

// One joined statement.
export async function loadItemByKey(actor: Actor, projectId: string, key: string, now = new Date()): Promise<ItemWithEvidence> {
  authorize(actor, "project.read");
  const row = await db.item.findFirst({
    where: { projectId, key, teamId: actor.teamId },
    relationLoadStrategy: "join",
    select: { ...itemViewSelect, category: { select: { name: true } }, project: { select: { evidencePolicy: true } }, evidence: evidenceViewQuery },
  });
  if (!row) throw notFound("Item");
  return {
    item: toItemView(row, row.project.evidencePolicy, now, actor.timeZone),
    categoryName: row.category.name,
    evidence: row.evidence.map((e) => toEvidenceView(e, now, actor.timeZone)),
  };
}

// The id and version a change through the API is applied to.
export async function itemRefByKey(actor: Actor, projectId: string, key: string): Promise<{ id: string; version: number }> {
  authorize(actor, "project.read");
  const item = await db.item.findFirst({ where: { projectId, key, teamId: actor.teamId }, select: { id: true, version: true } });
  if (!item) throw notFound("Item");
  return item;
}
