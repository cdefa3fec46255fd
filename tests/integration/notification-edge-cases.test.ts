// Notifications as people actually meet them: a comment edited over and
// over, "mark all read" pressed on a page that is no longer the newest, a
// member removed (and invited back), a project deleted under its entries,
// hundreds of entries, names and titles written to cause trouble.
import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/domain/mentions";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { loadInbox, unreadNotificationCount } from "@/lib/server/read-models/inbox";
import { sentNotificationPage } from "@/lib/server/read-models/sent-notifications";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { addComment, editComment } from "@/lib/server/services/comments";
import { updateItem } from "@/lib/server/services/items";
import { removeMember } from "@/lib/server/services/members";
import { markAllRead } from "@/lib/server/services/notifications";
import { deleteProject } from "@/lib/server/services/projects";
import { membershipOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, itemByKey, itemsOf } from "../support/readiness";

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER"]);
  const [admin, lead, engineer, otherEngineer] = actors;
  const projectId = await catalogueProject(lead, ["security", "testing"]);
  const item = await itemByKey(projectId, "security.headers");
  return { teamId, admin, lead, engineer, otherEngineer, projectId, item };
}

const entries = (who: UserActor, kind?: string) =>
  db.notification.findMany({ where: { userId: who.userId, teamId: who.teamId, ...(kind ? { kind: kind as never } : {}) }, orderBy: { createdAt: "asc" } });

describe("a comment edited many times", () => {
  it("tells a person once, even when an edit takes the mention out and another puts it back", async () => {
    const w = await world();
    const lead = mentionToken({ id: w.lead.userId, name: w.lead.name });
    const { comment } = await addComment(w.engineer, { itemId: w.item.id, body: `Hi ${lead}` });
    for (let round = 0; round < 5; round += 1) {
      await editComment(w.engineer, { commentId: comment.id, body: `Hi (round ${round})` });
      await editComment(w.engineer, { commentId: comment.id, body: `Hi ${lead} (round ${round})` });
    }
    expect(await entries(w.lead, "MENTIONED")).toHaveLength(1);
    // Someone newly added late is still told, once.
    const other = mentionToken({ id: w.otherEngineer.userId, name: w.otherEngineer.name });
    await editComment(w.engineer, { commentId: comment.id, body: `Hi ${lead} and ${other}` });
    await editComment(w.engineer, { commentId: comment.id, body: `Hi ${lead}` });
    await editComment(w.engineer, { commentId: comment.id, body: `Hi ${lead} and ${other}!` });
    expect(await entries(w.otherEngineer, "MENTIONED")).toHaveLength(1);
  });
});

describe("mark all read", () => {
  it("marks what the page showed, not what arrived after it was loaded", async () => {
    const w = await world();
    const [first, second] = await itemsOf(w.projectId);
    await updateItem(w.lead, { itemId: first.id, version: first.version, changes: { ownerId: w.engineer.userId } });
    const seen = await loadInbox(w.engineer);
    expect(seen.unread).toBe(1);
    // Another tab, or a colleague, meanwhile: a new entry the page never showed.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateItem(w.lead, { itemId: second.id, version: second.version, changes: { ownerId: w.engineer.userId } });
    expect(await markAllRead(w.engineer, { upTo: seen.asOf })).toEqual({ marked: 1 });
    expect(await unreadNotificationCount(w.engineer)).toBe(1);
    // Without a bound, everything; a malformed bound is a field error.
    expect(await code(markAllRead(w.engineer, { upTo: "yesterday" }))).toBe("VALIDATION");
    expect(await markAllRead(w.engineer)).toEqual({ marked: 1 });
    expect(await unreadNotificationCount(w.engineer)).toBe(0);
  });
});

describe("a member removed", () => {
  it("takes their entries with them: invited back, they start with an empty inbox; the API lists them no more", async () => {
    const w = await world();
    await updateItem(w.lead, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.engineer.userId } });
    await addComment(w.lead, { itemId: w.item.id, body: `${mentionToken({ id: w.engineer.userId, name: w.engineer.name })} please` });
    expect(await unreadNotificationCount(w.engineer)).toBe(2);
    await removeMember(w.admin, { membershipId: (await membershipOf(w.engineer)).id, successorId: w.otherEngineer.userId });
    expect(await entries(w.engineer)).toEqual([]);
    const sent = await sentNotificationPage(w.lead, { limit: 50 });
    expect(sent.data.flatMap((event) => event.recipients.map((r) => r.email))).not.toContain(w.engineer.email);
    // The successor heard of the hand-over.
    expect((await entries(w.otherEngineer, "ITEM_ASSIGNED")).map((e) => e.title)).toEqual([expect.stringContaining("handed you")]);

    await db.membership.create({ data: { teamId: w.teamId, userId: w.engineer.userId, role: "ENGINEER" } });
    expect(await unreadNotificationCount(w.engineer)).toBe(0);
    expect((await loadInbox(w.engineer)).groups).toEqual([]);
  });
});

describe("a deleted project", () => {
  it("leaves its entries readable, under the team's news, and a bulk edit of many items is one entry", async () => {
    const w = await world();
    const items = await itemsOf(w.projectId);
    expect(items.length).toBeGreaterThan(10);
    await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: items.map((i) => i.id), changes: { ownerId: w.engineer.userId } });
    expect(await entries(w.engineer)).toHaveLength(1);
    expect((await entries(w.engineer))[0].title).toBe(`${w.lead.name} assigned you ${items.length} items in Checkout API`);
    const project = await db.project.findUniqueOrThrow({ where: { id: w.projectId } });
    await deleteProject(w.admin, { projectId: w.projectId, confirmName: project.name });
    const inbox = await loadInbox(w.engineer);
    expect(inbox.groups.map((g) => [g.project, g.entries.length])).toEqual([[null, 1]]);
  });
});

describe("hundreds of entries", () => {
  it("pages them 30 at a time, every one exactly once, with one unread count", async () => {
    const w = await world();
    // 500 entries, seven to each instant (the keyset must neither skip nor repeat those that share one).
    const at = Date.now();
    const events = await db.notificationEvent.createManyAndReturn({
      data: Array.from({ length: 500 }, () => ({ teamId: w.teamId, kind: "MENTIONED" as const, actorLabel: "x", payload: { v: 1 } })),
      select: { id: true },
    });
    await db.notification.createMany({
      data: events.map((event, n) => ({
        teamId: w.teamId,
        userId: w.engineer.userId,
        eventId: event.id,
        kind: "MENTIONED" as const,
        title: `Entry ${n}`,
        link: "/",
        createdAt: new Date(at - Math.floor(n / 7) * 1000),
      })),
    });
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await loadInbox(w.engineer, { cursor });
      const ids = page.groups.flatMap((g) => g.entries.map((e) => e.id));
      expect(ids.length).toBeLessThanOrEqual(30);
      for (const id of ids) seen.add(id);
      expect(page.unread).toBe(500);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen.size).toBe(500);
    expect(pages).toBe(17);
  });
});

describe("hostile names", () => {
  it("keeps markup as text and strips direction controls from what the inbox says", async () => {
    const { teamId, actors } = await teamWith(["LEAD", "ENGINEER"]);
    const [lead, engineer] = actors;
    await db.user.update({ where: { id: lead.userId }, data: { name: "\u202Enimda<img src=x onerror=alert(1)>" } });
    const hostileLead = { ...lead, name: "\u202Enimda<img src=x onerror=alert(1)>" };
    const projectId = await catalogueProject(lead, ["security"], "**Bold** [x](javascript:alert(1))");
    const item = await itemByKey(projectId, "security.headers");
    await db.item.update({ where: { id: item.id }, data: { title: "<script>alert(1)</script>\u2067 " + "long ".repeat(60) } });
    await updateItem(hostileLead, { itemId: item.id, version: item.version, changes: { ownerId: engineer.userId } });
    const [entry] = (await loadInbox(engineer)).groups.flatMap((g) => g.entries);
    expect(entry.title).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
    expect(entry.title.startsWith("nimda<img src=x onerror=alert(1)> assigned you “<script>alert(1)</script> long")).toBe(true);
    expect(entry.title).toContain("…” in **Bold** [x](javascript:alert(1))");
    expect(entry.link).toBe(`/projects/${projectId}/items/${item.id}`);
    expect(teamId).toBeTruthy();
  });
});
