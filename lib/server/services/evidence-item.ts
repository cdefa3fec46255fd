import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/server/kernel/actor";
import { notFound } from "@/lib/server/kernel/errors";
import { assertEditable } from "@/lib/server/kernel/tenancy";
import { standingOf } from "@/lib/domain/readiness/standing";
import type { Standing } from "@/lib/domain/readiness/vocabulary";
import { pendingChecksSelect, scorableOf } from "@/lib/server/read-models/item-view";
import { evidenceViewQuery, toEvidenceView, type EvidenceView } from "@/lib/server/read-models/evidence-view";

// The item a piece of evidence belongs to, as the evidence services judge
// it: locked, editable, with what its standing is computed from.

const itemSelect = {
  id: true,
  projectId: true,
  status: true,
  priority: true,
  effortHours: true,
  version: true,
  project: { select: { archivedAt: true, evidencePolicy: true } },
  evidence: { orderBy: { id: "asc" }, select: { id: true, expiresAt: true } },
  waivers: { where: { status: "APPROVED" }, select: { status: true, expiresAt: true } },
  checks: pendingChecksSelect,
} satisfies Prisma.ItemSelect;

export type EvidenceItemRow = Prisma.ItemGetPayload<{ select: typeof itemSelect }>;

/**
 * Locks the item's row for the rest of the transaction (so that concurrent
 * changes to its evidence or status are judged one after the other) and
 * reads it. Errors: NOT_FOUND (not in the actor's team), CONFLICT (archived).
 */
export async function lockedEvidenceItem(tx: Prisma.TransactionClient, actor: Actor, itemId: string): Promise<EvidenceItemRow> {
  await tx.$queryRaw`SELECT id FROM item WHERE id = ${itemId} AND "teamId" = ${actor.teamId} FOR UPDATE`;
  const item = await tx.item.findFirst({ where: { id: itemId, teamId: actor.teamId }, select: itemSelect });
  if (!item) throw notFound("Item");
  assertEditable(item.project);
  return item;
}

/** The item's standing now, read again inside the transaction (after a change to its evidence). */
export async function standingNow(tx: Prisma.TransactionClient, actor: Actor, itemId: string, now: Date): Promise<Standing> {
  const item = await tx.item.findFirstOrThrow({ where: { id: itemId, teamId: actor.teamId }, select: itemSelect });
  return standingOf(scorableOf(item, item.project.evidencePolicy, now), now);
}

/** The item's standing as `row` has it. */
export const standingOfRow = (item: EvidenceItemRow, now: Date): Standing => standingOf(scorableOf(item, item.project.evidencePolicy, now), now);

/** The label evidence gets when none is given: a path or note as it is, a link's host and path. */
export function defaultLabel(kind: string, target: string): string {
  if (kind === "FILE_PATH" || kind === "NOTE") return target;
  const url = new URL(target);
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.hostname}${path}`.slice(0, 200);
}

// Where the evidence is, for the caller to refresh.
export type EvidenceItem = { projectId: string; itemId: string };
export type AddedEvidence = EvidenceItem & { evidenceId: string; created: boolean; evidence: EvidenceView };

// The evidence as clients see it, read inside the transaction.
export async function evidenceIn(tx: Prisma.TransactionClient, actor: Actor, item: { id: string; projectId: string }, evidenceId: string, created: boolean): Promise<AddedEvidence> {
  const row = await tx.evidence.findFirstOrThrow({ where: { id: evidenceId, teamId: actor.teamId }, select: evidenceViewQuery.select });
  return { evidenceId, created, evidence: toEvidenceView(row, new Date(), actor.timeZone), projectId: item.projectId, itemId: item.id };
}

