import "server-only";
import { EDITABLE_ITEM_FIELDS, rebaseEdit, type ItemField } from "@/lib/domain/item-edits";
import { actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { conflict, invalidField, parseInput } from "@/lib/server/kernel/errors";
import { itemDetailIn, type ItemDetail } from "@/lib/server/read-models/item-detail";
import { createItemInput, itemRefInput, reorderItemInput, updateItemInput, type ItemChanges } from "@/lib/schemas/item";
import type { Prisma } from "@/generated/prisma/client";
import { notifyAssigned } from "@/lib/server/notifications/emitters";
import { recordProjectChange } from "./activity";
import { editConflict, itemUpdatedEntry, lockItemRow, recordedChangesSince } from "./item-changes";
import { currentEvidenceWhere, evidenceAskedFor, evidenceFirstMessage, notApplicableReasonAfter } from "./item-rules";
import { authorizeItemFields, mayPlanItem, notYourItemToPlan } from "./item-permissions";
import { asJson, categoryInTeam, changedFields, itemIdIn, itemInTeam, slugify, toDay } from "@/lib/server/kernel/tenancy";

type Tx = Prisma.TransactionClient;

async function uniqueKey(tx: Tx, actor: Actor, projectId: string, base: string): Promise<string> {
  const taken = await tx.item.findMany({ where: { projectId, teamId: actor.teamId, key: { startsWith: base } }, select: { key: true } });
  const keys = new Set(taken.map((item) => item.key));
  if (!keys.has(base)) return base;
  for (let n = 2; ; n += 1) if (!keys.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createItem(actor: Actor, input: unknown): Promise<{ itemId: string; key: string; projectId: string }> {
  authorize(actor, "item.create");
  const { categoryId, key, ...fields } = parseInput(createItemInput, input);
  return db.$transaction(async (tx) => {
    const category = await categoryInTeam(tx, actor, categoryId);
    let itemKey: string;
    if (key) {
      const existing = await tx.item.findFirst({ where: { projectId: category.projectId, teamId: actor.teamId, key }, select: { id: true } });
      if (existing) throw invalidField("key", "Another item in this project already uses that key.");
      itemKey = key;
    } else {
      itemKey = await uniqueKey(tx, actor, category.projectId, `${slugify(category.name)}.${slugify(fields.title)}`);
    }
    const last = await tx.item.aggregate({ where: { categoryId: category.id, teamId: actor.teamId }, _max: { position: true } });
    const item = await tx.item.create({
      data: {
        ...fields,
        key: itemKey,
        teamId: actor.teamId,
        projectId: category.projectId,
        categoryId: category.id,
        position: (last._max.position ?? -1) + 1,
        updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor),
      },
    });
    await recordProjectChange(tx, actor, {
      action: "item.created",
      entityType: "item",
      entityId: item.id,
      projectId: item.projectId,
      itemId: item.id,
      after: { key: item.key, title: item.title, category: category.name, priority: item.priority },
    });
    return { itemId: item.id, key: item.key, projectId: item.projectId };
  });
}

// The item as clients see it, read inside the transaction (after its writes).
const currentDetail = async (tx: Tx, actor: Actor, itemId: string) => (await itemDetailIn(tx, actor, { id: itemId })) as ItemDetail;

// The changes with the owner as an id; an owner named by e-mail (the API's
// way) must be a member of the team. `sentAs` names each field as the caller
// sent it, for field errors and conflicts.
async function ownerById(tx: Tx, actor: Actor, { ownerEmail, ...changes }: ItemChanges): Promise<{ changes: Changes; sentAs: Partial<Record<ItemField, string>> }> {
  if (ownerEmail === undefined) return { changes, sentAs: {} };
  let ownerId: string | null = null;
  if (ownerEmail !== null) {
    const member = await tx.membership.findFirst({ where: { teamId: actor.teamId, user: { email: ownerEmail } }, select: { userId: true } });
    if (!member) throw invalidField("ownerEmail", "No member of this team has that e-mail address.");
    ownerId = member.userId;
  }
  return { changes: { ...changes, ownerId }, sentAs: { ownerId: "ownerEmail" } };
}

type ItemRow = Awaited<ReturnType<typeof itemInTeam>>;
type Changes = Omit<ItemChanges, "ownerEmail">;

// The fields an edit compares, in the form the activity log records them
// (a due day sent as "2027-03-01" is stored as that day's midnight UTC).
const storedForm = (values: Partial<Record<ItemField, unknown>>) =>
  Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, asJson(field === "dueDate" && typeof value === "string" ? toDay(value) : value)]),
  ) as Partial<Record<ItemField, unknown>>;

// An edit based on an older version keeps the fields it may still change
// (lib/domain/item-edits.ts), or is refused naming what changed meanwhile.
async function rebaseOnCurrent(tx: Tx, actor: Actor, item: ItemRow, baseVersion: number, changes: Changes, sentAs: Partial<Record<ItemField, string>>): Promise<Changes> {
  const history = await recordedChangesSince(tx, actor, item.id, baseVersion);
  const current = Object.fromEntries(EDITABLE_ITEM_FIELDS.map((field) => [field, item[field]]));
  const { apply, clashes, unrecorded } = rebaseEdit({ baseVersion, currentVersion: item.version, current: storedForm(current), mine: storedForm(changes), history });
  if (clashes.length > 0) throw await editConflict(tx, actor, await currentDetail(tx, actor, item.id), clashes, unrecorded, sentAs);
  return Object.fromEntries(apply.map((field) => [field, changes[field]]));
}

/**
 * Applies a partial change to an item, based on the version the user saw.
 * Input (updateItemInput): the item by `itemId` or by `projectId` and `key`,
 * `version`, and `changes`, the owner by `ownerId` or by `ownerEmail`. An edit
 * based on an older version lands on top of the current one unless a field it
 * changes was changed meanwhile to another value: then CONFLICT, with the
 * current item (`details.current`, an ItemDetail) and the changes in words
 * (see editConflict). Every rule (N/A reason, owner membership, evidence
 * policy) is judged against the current state. Field errors and conflicting
 * changes name the owner as it was sent. Returns the item as it now stands.
 * Errors: VALIDATION (field-level, also for a version the item never had),
 * FORBIDDEN, NOT_FOUND, CONFLICT (also for an archived project).
 */
export async function updateItem(actor: Actor, input: unknown): Promise<ItemDetail> {
  const { version, changes: requested, ...ref } = parseInput(updateItemInput, input);
  const { ownershipNeeded } = authorizeItemFields(actor, Object.keys(requested) as (keyof ItemChanges)[]);

  return db.$transaction(async (tx) => {
    const itemId = await itemIdIn(tx, actor, ref);
    await lockItemRow(tx, actor, itemId);
    const item = await itemInTeam(tx, actor, itemId);
    // The owner as it stands now, under the lock, not as the request would set it.
    if (ownershipNeeded && !mayPlanItem(actor, item)) throw notYourItemToPlan();
    if (version > item.version) throw invalidField("version", `This item has no version ${version} yet: it is at version ${item.version}. Reload it and try again.`);
    const { changes: sent, sentAs } = await ownerById(tx, actor, requested);
    const changes = version === item.version ? sent : await rebaseOnCurrent(tx, actor, item, version, sent, sentAs);

    const next: Record<string, unknown> = {
      ...changes,
      dueDate: toDay(changes.dueDate),
    };
    next.notApplicableReason = notApplicableReasonAfter(item, changes);
    if (changes.ownerId) {
      const member = await tx.membership.findFirst({ where: { teamId: actor.teamId, userId: changes.ownerId }, select: { id: true } });
      if (!member) throw invalidField(sentAs.ownerId ?? "ownerId", "The owner must be a member of this team.");
    }
    if (changes.categoryId && changes.categoryId !== item.categoryId) {
      const target = await tx.category.findFirst({ where: { id: changes.categoryId, teamId: actor.teamId, projectId: item.projectId } });
      if (!target) throw invalidField("categoryId", "Choose a category of this project.");
      const last = await tx.item.aggregate({ where: { categoryId: target.id, teamId: actor.teamId }, _max: { position: true } });
      next.position = (last._max.position ?? -1) + 1;
    }
    const asked = evidenceAskedFor(item.project.evidencePolicy, item, changes);
    if (asked) {
      const current = await tx.evidence.count({ where: { itemId: item.id, ...currentEvidenceWhere(actor.teamId, new Date()) } });
      if (current === 0) throw invalidField("status", evidenceFirstMessage(asked.priority), { evidenceRequired: true });
    }

    const diff = changedFields(item, next);
    if (!diff.changed) return currentDetail(tx, actor, item.id);
    // The row lock above already makes writers of this item take turns; the
    // version in the WHERE keeps the guarantee on its own: a writer that read
    // an older version matches nothing and gets a conflict, never a silent
    // overwrite.
    const updated = await tx.item.updateMany({
      where: { id: item.id, teamId: actor.teamId, version: item.version },
      data: { ...(next as Prisma.ItemUncheckedUpdateManyInput), version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
    });
    if (updated.count === 0) throw conflict("This item changed while your edit was being saved. Review the current values and apply your change again.", { current: await currentDetail(tx, actor, item.id), changes: [] });
    // The changed fields with the version they produced: the record later
    // edits based on an older version are merged against (item-changes.ts).
    await recordProjectChange(tx, actor, itemUpdatedEntry(item, item.version, diff.before, diff.after));
    // A new owner hears of it (nobody when the owner is cleared or is the actor).
    if (typeof diff.after.ownerId === "string") await notifyAssigned(tx, actor, diff.after.ownerId, [item.id]);
    return currentDetail(tx, actor, item.id);
  });
}

// Moves an item up or down its category; returns it and its project, for the caller to refresh.
export async function reorderItem(actor: Actor, input: unknown): Promise<{ projectId: string; itemId: string }> {
  authorize(actor, "item.edit");
  const { itemId, direction } = parseInput(reorderItemInput, input);
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, itemId);
    const changed = { projectId: item.projectId, itemId: item.id };
    const neighbour = await tx.item.findFirst({
      where: { categoryId: item.categoryId, teamId: actor.teamId, position: direction === "up" ? { lt: item.position } : { gt: item.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return changed;
    await tx.item.update({ where: { id: item.id }, data: { position: neighbour.position } });
    await tx.item.update({ where: { id: neighbour.id }, data: { position: item.position } });
    await recordProjectChange(tx, actor, {
      action: "item.moved",
      entityType: "item",
      entityId: item.id,
      projectId: item.projectId,
      itemId: item.id,
      before: { position: item.position },
      after: { position: neighbour.position },
    });
    return changed;
  });
}

// Returns the project the item was in, for the caller to refresh.
export async function deleteItem(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "item.delete");
  const { itemId } = parseInput(itemRefInput, input);
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, itemId);
    await tx.item.delete({ where: { id: item.id } });
    await recordProjectChange(tx, actor, {
      action: "item.deleted",
      entityType: "item",
      entityId: item.id,
      projectId: item.projectId,
      itemId: item.id,
      before: { key: item.key, title: item.title, status: item.status, priority: item.priority },
    });
    return { projectId: item.projectId };
  });
}
