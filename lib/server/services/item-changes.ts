import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { formatMoment } from "@/lib/domain/format";
import {
  describeConflictingChange,
  itemValueInWords,
  type ConflictingChange,
  type FieldClash,
  type ItemNames,
  type RecordedItemChange,
} from "@/lib/domain/item-edits";
import type { Actor } from "@/lib/server/kernel/actor";
import { conflict, type AppError } from "@/lib/server/kernel/errors";
import type { ItemView } from "@/lib/server/read-models/item-view";
import type { ProjectActivityEntry } from "./activity";

// The record of who changed which fields of an item, version by version, read
// from the activity log: every writer that bumps an item's version records
// the changed fields with `before.version` and `after.version` (updateItem,
// the import's merge). See docs/adr/0017-edits-merge-by-field.md.

type Tx = Prisma.TransactionClient;

type Fields = Record<string, Prisma.InputJsonValue | null>;

/**
 * The activity record of a change to an item's fields, from `version` to the
 * next: the record later edits based on an older version are merged against
 * (see recordedChangesSince). Every writer that bumps a version records one.
 */
export const itemUpdatedEntry = (item: { id: string; projectId: string }, version: number, before: Fields, after: Fields): ProjectActivityEntry => ({
  action: "item.updated",
  entityType: "item",
  entityId: item.id,
  projectId: item.projectId,
  itemId: item.id,
  before: { ...before, version },
  after: { ...after, version: version + 1 },
});

/**
 * Takes the item's row lock for the rest of the transaction, so that the
 * changes an edit is merged with cannot change under it: writers of one item
 * take turns, and each sees what the one before committed.
 */
export async function lockItemRow(tx: Tx, actor: Actor, itemId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM item WHERE id = ${itemId} AND "teamId" = ${actor.teamId} FOR UPDATE`;
}

const asObject = (value: Prisma.JsonValue | null): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

// "Dana Lee <dana@example.com>" → "Dana Lee"; tokens keep their label.
const labelName = (label: string) => label.replace(/\s*<[^>]*>$/, "");

/**
 * The recorded changes of an item that produced a version above `baseVersion`,
 * oldest first, each with the current name of the person who made it.
 */
export async function recordedChangesSince(tx: Tx, actor: Actor, itemId: string, baseVersion: number): Promise<RecordedItemChange[]> {
  const rows = await tx.activity.findMany({
    where: { teamId: actor.teamId, itemId, after: { path: ["version"], gt: baseVersion } },
    select: { actorUserId: true, actorLabel: true, createdAt: true, before: true, after: true },
  });
  const people = await namesOfPeople(tx, rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])));
  return rows
    .map((row) => ({
      version: Number(asObject(row.after).version),
      by: (row.actorUserId && people[row.actorUserId]) || labelName(row.actorLabel),
      at: row.createdAt.toISOString(),
      before: asObject(row.before),
      after: asObject(row.after),
    }))
    .sort((a, b) => a.version - b.version);
}

async function namesOfPeople(tx: Tx, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return Object.fromEntries(users.map((user) => [user.id, user.name]));
}

// Owners and categories named in the clashing changes, so that they can be said in words.
async function namesIn(tx: Tx, actor: Actor, clashes: FieldClash[]): Promise<ItemNames> {
  const ids = (field: string) =>
    clashes.flatMap((clash) => (clash.field === field ? (clash.changes ?? []).flatMap((c) => [c.before[field], c.after[field]]) : [])).filter((v): v is string => typeof v === "string");
  const categoryIds = ids("categoryId");
  const [people, categories] = await Promise.all([
    namesOfPeople(tx, ids("ownerId")),
    categoryIds.length
      ? tx.category.findMany({ where: { id: { in: categoryIds }, teamId: actor.teamId }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  // People who have since deleted their account are no longer users; the
  // records that handed items over kept their names (hand-over.ts).
  const recorded: Record<string, string> = {};
  for (const change of clashes.flatMap((clash) => clash.changes ?? [])) {
    for (const side of [change.before, change.after]) {
      if (typeof side.ownerId === "string" && typeof side.ownerName === "string") recorded[side.ownerId] = side.ownerName;
    }
  }
  return { people: { ...recorded, ...people }, categories: Object.fromEntries(categories.map((c) => [c.id, c.name])) };
}

/**
 * The CONFLICT refusing an edit: a message with one sentence per conflicting
 * change (times in UTC), and as details the item's current state (`current`),
 * the changes in words (`changes`, oldest first, each field named as the
 * caller sent it: `sentAs`, e.g. ownerId → ownerEmail) and, for clients of the
 * earlier answer, the latest change's author and time (`changedBy`, `changedAt`).
 */
export async function editConflict(
  tx: Tx,
  actor: Actor,
  current: ItemView,
  clashes: FieldClash[],
  unrecorded: number[],
  sentAs: Partial<Record<string, string>> = {},
): Promise<AppError> {
  const names = await namesIn(tx, actor, clashes);
  // Who made a change without a record is known only when it is the latest one.
  const latestUnrecorded = unrecorded.includes(current.version);
  const unknown = { by: (latestUnrecorded && current.updatedByName) || "Someone", at: latestUnrecorded ? current.updatedAt : null };
  const changes: ConflictingChange[] = clashes
    .flatMap((clash): ConflictingChange[] =>
      clash.changes
        ? clash.changes.map((change) => ({
            field: clash.field,
            by: change.by,
            at: change.at,
            from: itemValueInWords(clash.field, change.before[clash.field], names),
            to: itemValueInWords(clash.field, change.after[clash.field], names),
            recorded: true,
          }))
        : [{ field: clash.field, ...unknown, from: null, to: null, recorded: false }],
    )
    .sort((a, b) => (a.at ?? "").localeCompare(b.at ?? ""));
  const sentences = changes.map((change) => describeConflictingChange(change, change.at && formatMoment(change.at, actor.timeZone)));
  const latest = changes[changes.length - 1];
  return conflict(`${sentences.join("; ")}. Your change was not applied: review the current values and apply it again.`, {
    current,
    changes: changes.map((change) => ({ ...change, field: sentAs[change.field] ?? change.field })),
    changedBy: latest.by,
    changedAt: latest.at,
  });
}
