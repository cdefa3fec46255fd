import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CheckState } from "@/lib/domain/checks/verdict";
import { checkTarget } from "@/lib/schemas/check";
import type { CheckKind, CheckSettings } from "@/lib/schemas/check-settings";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { evidenceViewQuery, toEvidenceView, type EvidenceView } from "./evidence-view";
import { itemViewSelect, toItemView, type ItemView } from "./item-view";

/** One of the item's automated checks as it stands (its settings are in the check's own view). */
export type ItemCheckState = {
  id: string;
  kind: CheckKind;
  target: string;
  state: CheckState;
  lastRunAt: string | null;
  nextRunAt: string | null;
  failingSince: string | null;
  lastSummary: string | null;
};

/** An item with its project, its category's name, its evidence and its checks: what the REST API presents of one item. */
export type ItemDetail = ItemView & { projectId: string; categoryName: string; evidence: EvidenceView[]; checks: ItemCheckState[] };

// All of the item's checks, oldest first; scoring finds the pending ones among them by state.
const itemChecksSelect = {
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: { id: true, settings: true, state: true, lastRunAt: true, nextRunAt: true, failingSince: true, lastSummary: true },
} satisfies Prisma.Item$checksArgs;

const iso = (date: Date | null) => date?.toISOString() ?? null;

type Client = Pick<Prisma.TransactionClient, "item">;

const itemDetailSelect = {
  ...itemViewSelect,
  projectId: true,
  category: { select: { name: true } },
  project: { select: { evidencePolicy: true } },
  evidence: evidenceViewQuery,
  checks: itemChecksSelect,
} satisfies Prisma.ItemSelect;

type ItemDetailRow = Prisma.ItemGetPayload<{ select: typeof itemDetailSelect }>;

function toItemDetail(row: ItemDetailRow, actor: Actor, now: Date): ItemDetail {
  return {
    ...toItemView(row, row.project.evidencePolicy, now, actor.timeZone),
    projectId: row.projectId,
    categoryName: row.category.name,
    evidence: row.evidence.map((e) => toEvidenceView(e, now, actor.timeZone)),
    checks: row.checks.map((check) => {
      const settings = check.settings as CheckSettings;
      return {
        id: check.id,
        kind: settings.kind,
        target: checkTarget(settings),
        state: check.state,
        lastRunAt: iso(check.lastRunAt),
        nextRunAt: iso(check.nextRunAt),
        failingSince: iso(check.failingSince),
        lastSummary: check.lastSummary,
      };
    }),
  };
}

/**
 * The item `where` names in the actor's team (by id, or by project and key),
 * in one joined statement through `client` (the pool, or a service's
 * transaction, which then sees its own writes); null when there is none.
 */
export async function itemDetailIn(client: Client, actor: Actor, where: { id: string } | { projectId: string; key: string }, now = new Date()): Promise<ItemDetail | null> {
  const row = await client.item.findFirst({ where: { ...where, teamId: actor.teamId }, relationLoadStrategy: "join", select: itemDetailSelect });
  return row ? toItemDetail(row, actor, now) : null;
}

/**
 * The items with these ids in the actor's team, in one joined statement
 * through `client`, in checklist order (category, then position); ids of no
 * item of the team are left out.
 */
export async function itemDetailsIn(client: Client, actor: Actor, ids: readonly string[], now = new Date()): Promise<ItemDetail[]> {
  if (ids.length === 0) return [];
  const rows = await client.item.findMany({
    where: { id: { in: [...ids] }, teamId: actor.teamId },
    orderBy: [{ category: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    relationLoadStrategy: "join",
    select: itemDetailSelect,
  });
  return rows.map((row) => toItemDetail(row, actor, now));
}

/** An item as the REST API names it: by project and key. Errors: FORBIDDEN, NOT_FOUND. */
export async function loadItemByKey(actor: Actor, projectId: string, key: string, now = new Date()): Promise<ItemDetail> {
  authorize(actor, "project.read");
  const item = await itemDetailIn(db, actor, { projectId, key }, now);
  if (!item) throw notFound("Item");
  return item;
}
