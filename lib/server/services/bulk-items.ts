import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { bulkUpdateItemsInput, type BulkChanges, type BulkRefusal } from "@/lib/schemas/bulk-items";
import { actorUserId, nonPersonLabel, type Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { AppError, conflict, invalidField, parseInput } from "@/lib/server/kernel/errors";
import { changedFields, projectInTeam, toDay } from "@/lib/server/kernel/tenancy";
import { itemDetailsIn, type ItemDetail } from "@/lib/server/read-models/item-detail";
import { notifyAssigned } from "@/lib/server/notifications/emitters";
import { recordProjectChange, type ProjectActivityEntry } from "./activity";
import { itemUpdatedEntry } from "./item-changes";
import { authorizeItemFields, mayPlanItem, notYourItemToPlan, PLANNING_FIELDS } from "./item-permissions";
import { currentEvidenceWhere, evidenceAskedFor, evidenceFirstMessage, notApplicableReasonAfter } from "./item-rules";

// A bulk edit is many single edits judged by the same rules (item-rules.ts)
// and committed together: one transaction, the same `item.updated` record per
// changed item (with the versions edits based on an older one merge against,
// ADR 0017), and one `item.bulkUpdated` record of the whole change. Like a
// single edit it changes only status, N/A reason, priority, owner and due
// date; a status set by hand is left to the item's checks to confirm or
// overturn on their next run, as with a single edit (ADR 0029).

type Tx = Prisma.TransactionClient;

/** What a bulk edit did: the items as they now stand, those refused (unchanged, with why), and how many already were as asked. */
export type BulkUpdateResult = { updated: ItemDetail[]; refused: BulkRefusal[]; unchanged: number };

/** The change as asked, the owner as an id (the due date still a calendar day). */
type Sent = Omit<BulkChanges, "ownerEmail">;

/** The fields written to every changed item (the owner as an id, the due date as the day's midnight UTC). */
type Written = { status?: BulkChanges["status"]; notApplicableReason?: string | null; priority?: BulkChanges["priority"]; ownerId?: string | null; dueDate?: Date | null };

// The owner to set, as an id: a member of the team, named by id or e-mail.
async function ownerToSet(tx: Tx, actor: Actor, changes: BulkChanges): Promise<string | null | undefined> {
  if (changes.ownerEmail !== undefined) {
    if (changes.ownerEmail === null) return null;
    const member = await tx.membership.findFirst({ where: { teamId: actor.teamId, user: { email: changes.ownerEmail } }, select: { userId: true } });
    if (!member) throw invalidField("changes.ownerEmail", "No member of this team has that e-mail address.");
    return member.userId;
  }
  if (changes.ownerId) {
    const member = await tx.membership.findFirst({ where: { teamId: actor.teamId, userId: changes.ownerId }, select: { id: true } });
    if (!member) throw invalidField("changes.ownerId", "The owner must be a member of this team.");
  }
  return changes.ownerId;
}

const itemSelect = {
  id: true,
  key: true,
  title: true,
  projectId: true,
  version: true,
  status: true,
  notApplicableReason: true,
  priority: true,
  ownerId: true,
  dueDate: true,
} satisfies Prisma.ItemSelect;

type Selected = { ids: string[] } | { keys: string[] };

/**
 * The selected items of the project, each row locked for the rest of the
 * transaction (in id order, so two bulk edits never wait on each other in a
 * circle), in checklist order. Errors: VALIDATION on `itemIds` or `keys` when
 * one names no item of this project in the actor's team.
 */
async function lockedItems(tx: Tx, actor: Actor, projectId: string, selected: Selected) {
  const locked =
    "ids" in selected
      ? await tx.$queryRaw<{ id: string; key: string }[]>`SELECT id, key FROM item WHERE "teamId" = ${actor.teamId} AND "projectId" = ${projectId} AND id = ANY(${selected.ids}) ORDER BY id FOR UPDATE`
      : await tx.$queryRaw<{ id: string; key: string }[]>`SELECT id, key FROM item WHERE "teamId" = ${actor.teamId} AND "projectId" = ${projectId} AND key = ANY(${selected.keys}) ORDER BY id FOR UPDATE`;
  if ("ids" in selected && locked.length < selected.ids.length) {
    const missing = selected.ids.length - locked.length;
    throw invalidField("itemIds", `${missing === 1 ? "One of the selected items is" : `${missing} of the selected items are`} not in this project. Reload the checklist and select again.`);
  }
  if ("keys" in selected && locked.length < selected.keys.length) {
    const found = new Set(locked.map((row) => row.key));
    const missing = selected.keys.filter((key) => !found.has(key));
    const named = missing.slice(0, 5).map((key) => `“${key}”`).join(", ");
    throw invalidField("keys", `No item of this project has the key ${named}${missing.length > 5 ? ` or ${missing.length - 5} more` : ""}.`);
  }
  return tx.item.findMany({
    where: { id: { in: locked.map((row) => row.id) }, teamId: actor.teamId },
    orderBy: [{ category: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    select: itemSelect,
  });
}

type Item = Awaited<ReturnType<typeof lockedItems>>[number];
type Planned = { item: Item; next: Written; diff: ReturnType<typeof changedFields> };

/**
 * Applies one change to many items of one project in one transaction.
 * Input (bulkUpdateItemsInput): `projectId`, the items by `itemIds` or by
 * `keys` (1–1,000), and `changes` (status, notApplicableReason — required,
 * one for all, with NOT_APPLICABLE — priority, the owner by `ownerId` or
 * `ownerEmail`, dueDate). Each field needs the permission a single edit of it
 * needs; an actor who may set the due date only of items they own
 * (item.planOwn) gets the others refused. An item the evidence policy does
 * not let become DONE (no current evidence) is refused; the others change.
 * Items already as asked are neither changed nor refused (`unchanged`
 * counts them). Each changed item's version goes up by one and gets its own
 * `item.updated` record; the whole change one `item.bulkUpdated` record.
 * Returns the changed items as they now stand (as a single edit returns one)
 * in checklist order, and the refused ones with why, in words.
 * Errors: VALIDATION (field-level; also for an item of another project or
 * team), FORBIDDEN (a field the actor may set on no item), NOT_FOUND (the
 * project), CONFLICT (an archived project). On any error nothing changes.
 */
export async function bulkUpdateItems(actor: Actor, input: unknown): Promise<BulkUpdateResult> {
  const { projectId, itemIds, keys, changes } = parseInput(bulkUpdateItemsInput, input);
  const { ownershipNeeded } = authorizeItemFields(actor, Object.keys(changes) as (keyof BulkChanges)[]);
  const selected: Selected = itemIds ? { ids: [...new Set(itemIds)] } : { keys: [...new Set(keys)] };

  return db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    const items = await lockedItems(tx, actor, projectId, selected);
    const { status, notApplicableReason, priority, dueDate } = changes;
    const sent: Sent = { status, notApplicableReason, priority, ownerId: await ownerToSet(tx, actor, changes), dueDate };

    const refused: BulkRefusal[] = [];
    const refuse = (item: Item, reason: string) => refused.push({ itemId: item.id, key: item.key, title: item.title, reason });
    const planned: Planned[] = [];
    let unchanged = 0;
    for (const item of items) {
      let reason: string | null | undefined;
      try {
        reason = notApplicableReasonAfter(item, sent);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refuse(item, error.message);
        continue;
      }
      const next: Written = { ...sent, dueDate: toDay(sent.dueDate), notApplicableReason: reason };
      const diff = changedFields(item, next);
      if (!diff.changed) unchanged += 1;
      else if (ownershipNeeded && !mayPlanItem(actor, item) && Object.keys(diff.after).some((field) => (PLANNING_FIELDS as readonly string[]).includes(field))) refuse(item, notYourItemToPlan().message);
      else planned.push({ item, next, diff });
    }

    // The evidence policy, judged with one count for all the items it asks it of.
    const now = new Date();
    const asked = new Map(planned.flatMap(({ item }) => {
      const ask = evidenceAskedFor(project.evidencePolicy, item, sent);
      return ask ? [[item.id, ask] as const] : [];
    }));
    const proven = new Set<string>();
    if (asked.size > 0) {
      const rows = await tx.evidence.groupBy({ by: ["itemId"], where: { itemId: { in: [...asked.keys()] }, ...currentEvidenceWhere(actor.teamId, now) } });
      for (const row of rows) proven.add(row.itemId);
    }
    const changing = planned.filter(({ item }) => {
      const ask = asked.get(item.id);
      if (!ask || proven.has(item.id)) return true;
      refuse(item, evidenceFirstMessage(ask.priority));
      return false;
    });
    const place = new Map(items.map((item, n) => [item.id, n]));
    refused.sort((a, b) => (place.get(a.itemId) ?? 0) - (place.get(b.itemId) ?? 0));

    await writeAll(tx, actor, changing);
    if (changing.length > 0) {
      const entries: ProjectActivityEntry[] = changing.map(({ item, diff }) => itemUpdatedEntry(item, item.version, diff.before, diff.after));
      entries.push(await summaryEntry(tx, projectId, sent, changing.length, refused, unchanged));
      await recordProjectChange(tx, actor, entries);
      // The new owner hears once of all the items now theirs, not once per item.
      const assigned = changing.filter(({ diff }) => typeof diff.after.ownerId === "string").map(({ item }) => item.id);
      if (sent.ownerId && assigned.length > 0) await notifyAssigned(tx, actor, sent.ownerId, assigned);
    }
    const updated = await itemDetailsIn(tx, actor, changing.map(({ item }) => item.id), now);
    return { updated, refused, unchanged };
  });
}

// One statement per distinct set of written values (one, as a rule: the
// change is the same for every item, only N/A reasons may differ), each
// bumping every row's own version. The rows are locked, so every version is
// the one read; a count short of the rows means one changed anyway, and the
// whole change is refused rather than half applied.
async function writeAll(tx: Tx, actor: Actor, changing: Planned[]): Promise<void> {
  const groups = new Map<string, { next: Written; items: Item[] }>();
  for (const { item, next } of changing) {
    const key = JSON.stringify(next);
    const group = groups.get(key) ?? { next, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  for (const { next, items } of groups.values()) {
    const written = await tx.item.updateMany({
      where: { teamId: actor.teamId, OR: items.map((item) => ({ id: item.id, version: item.version })) },
      data: { ...next, version: { increment: 1 }, updatedById: actorUserId(actor), updatedByLabel: nonPersonLabel(actor) },
    });
    if (written.count !== items.length) throw conflict("Some of these items changed while the change was being saved. Nothing was changed: apply it again.");
  }
}

// The record of the whole change: how many items, what was set (the owner
// with their name, so the record reads the same after they leave), the keys
// of the items refused and how many already were as asked.
async function summaryEntry(tx: Tx, projectId: string, sent: Sent, count: number, refused: BulkRefusal[], unchanged: number): Promise<ProjectActivityEntry> {
  const set = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined)) as Record<string, string | null>;
  const ownerName = sent.ownerId ? (await tx.user.findUnique({ where: { id: sent.ownerId }, select: { name: true } }))?.name : undefined;
  return {
    action: "item.bulkUpdated",
    entityType: "project",
    entityId: projectId,
    projectId,
    after: { count, changes: set, ...(ownerName ? { ownerName } : {}), refused: refused.map((r) => r.key), unchanged },
  };
}
