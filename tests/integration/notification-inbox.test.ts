// A person's inbox: their own entries in the current team, newest first,
// grouped by project, paged; marking read changes only their own entries.
import { describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { loadInbox, unreadNotificationCount } from "@/lib/server/read-models/inbox";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { addComment } from "@/lib/server/services/comments";
import { updateItem } from "@/lib/server/services/items";
import { markAllRead, markRead } from "@/lib/server/services/notifications";
import { requestWaiver } from "@/lib/server/services/waivers";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, itemByKey, itemsOf } from "../support/readiness";

async function world() {
  const { teamId, actors } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"]);
  const [lead, engineer, otherEngineer] = actors;
  const checkout = await catalogueProject(lead, ["security"], "Checkout API");
  const payments = await catalogueProject(lead, ["testing"], "Payments");
  return { teamId, lead, engineer, otherEngineer, checkout, payments };
}

// The engineer is given one item of Checkout, then two of Payments, then mentioned on Checkout.
async function newsFor(w: Awaited<ReturnType<typeof world>>) {
  const [c1] = await itemsOf(w.checkout);
  const [p1, p2] = await itemsOf(w.payments);
  await updateItem(w.lead, { itemId: c1.id, version: c1.version, changes: { ownerId: w.engineer.userId } });
  await bulkUpdateItems(w.lead, { projectId: w.payments, itemIds: [p1.id, p2.id], changes: { ownerId: w.engineer.userId } });
  await addComment(w.lead, { itemId: c1.id, body: `@${w.engineer.email} could you?` });
  return { c1 };
}

const entriesOf = (who: UserActor) => db.notification.findMany({ where: { userId: who.userId }, orderBy: { createdAt: "asc" } });

describe("the inbox", () => {
  it("lists the person's entries newest first, grouped by project, with the unread count", async () => {
    const w = await world();
    await newsFor(w);
    const inbox = await loadInbox(w.engineer);
    expect(inbox.unread).toBe(3);
    expect(inbox.groups.map((g) => g.project?.name)).toEqual(["Checkout API", "Payments"]);
    expect(inbox.groups[0].entries.map((e) => e.kind)).toEqual(["MENTIONED", "ITEM_ASSIGNED"]);
    expect(inbox.groups[1].entries[0]).toMatchObject({ kind: "ITEM_ASSIGNED", kindLabel: "An item is assigned to you", title: `${w.lead.name} assigned you 2 items in Payments`, read: false });
    // Only what a client needs: never the row.
    expect(Object.keys(inbox.groups[0].entries[0]).sort()).toEqual(["createdAt", "id", "kind", "kindLabel", "link", "read", "title"]);
    expect(await unreadNotificationCount(w.engineer)).toBe(3);
    expect((await loadInbox(w.otherEngineer)).groups).toEqual([]);
  });

  it("pages newest first with a cursor only the same person's list accepts", async () => {
    const w = await world();
    await newsFor(w);
    const first = await loadInbox(w.engineer, { limit: 2 });
    expect(first.groups.flatMap((g) => g.entries)).toHaveLength(2);
    const second = await loadInbox(w.engineer, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(first.groups.flatMap((g) => g.entries.map((e) => e.kind))).toEqual(["MENTIONED", "ITEM_ASSIGNED"]);
    // The oldest comes last: the first assignment, in Checkout.
    expect(second.groups.map((g) => [g.project?.name, g.entries.map((e) => e.kind)])).toEqual([["Checkout API", ["ITEM_ASSIGNED"]]]);
    const all = [...first.groups, ...second.groups].flatMap((g) => g.entries.map((e) => e.id));
    expect(new Set(all).size).toBe(3);
    expect(second.nextCursor).toBeNull();
    expect(await code(loadInbox(w.otherEngineer, { cursor: first.nextCursor ?? undefined }))).toBe("VALIDATION");
  });

  it("puts news of no project in its own group, and is refused to anyone but a person", async () => {
    const w = await world();
    await db.$transaction(async (tx) => {
      const { emitNotification } = await import("@/lib/server/notifications/outbox");
      await emitNotification(tx, w.lead, { kind: "INVITATION_ACCEPTED", summary: "Nora joined", link: "/members", recipientIds: [w.engineer.userId] });
    });
    await newsFor(w);
    const inbox = await loadInbox(w.engineer);
    expect(inbox.groups.map((g) => g.project?.name ?? null)).toEqual(["Checkout API", "Payments", null]);
    const token = { kind: "token", scope: "read", tokenId: "t", name: "CI", teamId: w.teamId, timeZone: "UTC" } as const;
    expect(await code(loadInbox(token))).toBe("FORBIDDEN");
    expect(await code(markAllRead(token))).toBe("FORBIDDEN");
  });
});

describe("marking read", () => {
  it("marks only the actor's own entries: another person's id is ignored", async () => {
    const w = await world();
    const { c1 } = await newsFor(w);
    await updateItem(w.lead, { itemId: c1.id, version: (await itemByKey(w.checkout, c1.key)).version, changes: { ownerId: w.otherEngineer.userId } });
    const [mine] = await entriesOf(w.engineer);
    const [theirs] = await entriesOf(w.otherEngineer);
    expect(await markRead(w.engineer, { notificationIds: [mine.id, theirs.id] })).toEqual({ marked: 1 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await unreadNotificationCount(w.engineer)).toBe(2);
    // Marking it again changes nothing.
    expect(await markRead(w.engineer, { notificationIds: [mine.id] })).toEqual({ marked: 0 });
    expect(await code(markRead(w.engineer, { notificationIds: [] }))).toBe("VALIDATION");
  });

  it("marks all of the actor's entries in the current team, none of another team's or person's", async () => {
    const w = await world();
    await newsFor(w);
    // The same engineer in a second team, with news there too.
    const other = await teamWith(["LEAD"]);
    await db.membership.create({ data: { teamId: other.teamId, userId: w.engineer.userId, role: "ENGINEER" } });
    const engineerThere: UserActor = { ...w.engineer, teamId: other.teamId };
    const project = await catalogueProject(other.actors[0], ["security"]);
    const item = await itemByKey(project, "security.headers");
    await requestWaiver(engineerThere, { itemId: item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) });
    await updateItem(other.actors[0], { itemId: item.id, version: item.version, changes: { ownerId: w.engineer.userId } });
    await requestWaiver(w.otherEngineer, { itemId: (await itemByKey(w.checkout, "security.headers")).id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) });

    expect(await markAllRead(w.engineer)).toEqual({ marked: 3 });
    expect(await unreadNotificationCount(w.engineer)).toBe(0);
    expect(await unreadNotificationCount(engineerThere)).toBe(1);
    expect(await unreadNotificationCount(w.lead)).toBe(1);
    // An id from the other team is ignored from this one.
    const [there] = await db.notification.findMany({ where: { userId: w.engineer.userId, teamId: other.teamId } });
    expect(await markRead(w.engineer, { notificationIds: [there.id] })).toEqual({ marked: 0 });
    expect(await unreadNotificationCount(engineerThere)).toBe(1);
  });
});
