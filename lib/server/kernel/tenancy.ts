import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { startOfDayIn } from "@/lib/domain/readiness/dates";
import type { Actor } from "@/lib/server/kernel/actor";
import { conflict, notFound } from "@/lib/server/kernel/errors";

// Look-ups that resolve an id from a request inside the actor's team. An id
// from another team is indistinguishable from one that does not exist.

type Tx = Prisma.TransactionClient;

// A calendar day for a @db.Date column (due date, target launch): stored as a
// plain day, whatever the zone.
export const toDay = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00Z`) : day === null ? null : undefined);

// A day something lasts until ("re-verify by", a waiver's expiry), as the
// instant that day starts in the team's zone: it ends as the day begins there,
// not in UTC (lib/domain/readiness/dates.ts). Null and undefined pass through.
export function toStartOfDay(day: string, timeZone: string): Date;
export function toStartOfDay(day: string | null | undefined, timeZone: string): Date | null | undefined;
export function toStartOfDay(day: string | null | undefined, timeZone: string): Date | null | undefined {
  return day ? startOfDayIn(day, timeZone) : day === null ? null : undefined;
}

// Archived projects are read only: every change inside one is refused.
export function assertEditable(project: { archivedAt: Date | null }): void {
  if (project.archivedAt) throw conflict("This project is archived. Restore it to make changes.");
}

export async function projectInTeam(tx: Tx, actor: Actor, projectId: string, { editable = true } = {}) {
  const project = await tx.project.findFirst({ where: { id: projectId, teamId: actor.teamId } });
  if (!project) throw notFound("Project");
  if (editable) assertEditable(project);
  return project;
}

export async function categoryInTeam(tx: Tx, actor: Actor, categoryId: string) {
  const category = await tx.category.findFirst({
    where: { id: categoryId, teamId: actor.teamId },
    include: { project: { select: { id: true, name: true, archivedAt: true } } },
  });
  if (!category) throw notFound("Category");
  assertEditable(category.project);
  return category;
}

/** An item as the app names it (its id) or as the REST API does (its project and key). */
export type ItemRef = string | { itemId?: string; projectId?: string; key?: string };

// The rows an ItemRef names in the actor's team: one at most.
function itemWhere(actor: Actor, ref: ItemRef) {
  if (typeof ref === "string") return { id: ref, teamId: actor.teamId };
  if (ref.itemId) return { id: ref.itemId, teamId: actor.teamId };
  if (ref.projectId && ref.key) return { projectId: ref.projectId, key: ref.key, teamId: actor.teamId };
  throw notFound("Item");
}

/** The id of the item `ref` names in the actor's team. Errors: NOT_FOUND. */
export async function itemIdIn(tx: Tx, actor: Actor, ref: ItemRef): Promise<string> {
  if (typeof ref === "string") return ref;
  if (ref.itemId) return ref.itemId;
  const item = await tx.item.findFirst({ where: itemWhere(actor, ref), select: { id: true } });
  if (!item) throw notFound("Item");
  return item.id;
}

export async function itemInTeam(tx: Tx, actor: Actor, ref: ItemRef) {
  const item = await tx.item.findFirst({
    where: itemWhere(actor, ref),
    include: { project: { select: { id: true, archivedAt: true, evidencePolicy: true } } },
  });
  if (!item) throw notFound("Item");
  assertEditable(item.project);
  return item;
}

// A value as the activity log stores it (days and times as ISO strings).
export const asJson = (value: unknown): Prisma.InputJsonValue | null =>
  value instanceof Date ? value.toISOString() : ((value ?? null) as Prisma.InputJsonValue | null);

// Only changed fields go into the activity record.
export function changedFields(before: object, after: Record<string, unknown>) {
  const was: Record<string, Prisma.InputJsonValue | null> = {};
  const now: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const previous = (before as Record<string, unknown>)[key];
    const same = previous instanceof Date && value instanceof Date ? previous.getTime() === value.getTime() : previous === value;
    if (same) continue;
    was[key] = asJson(previous);
    now[key] = asJson(value);
  }
  return { before: was, after: now, changed: Object.keys(now).length > 0 };
}

export { slugify } from "@/lib/domain/slug";
