import { describe, expect, it } from "vitest";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { notifyTimeEvents } from "@/lib/server/jobs/time-notifications";
import { addCategory } from "@/lib/server/services/categories";
import { addCheck, reportCheckResult } from "@/lib/server/services/checks";
import { createItem, updateItem } from "@/lib/server/services/items";
import { createProject } from "@/lib/server/services/projects";
import { teamWith } from "../support/fixtures";

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "VIEWER"], "Moves");
  const [admin, lead, engineer, viewer] = actors;
  const { projectId } = await createProject(lead, { name: "Checkout", source: "blank" });
  // Done means done here: no evidence asked for, so one status change moves the level.
  await db.project.update({ where: { id: projectId }, data: { evidencePolicy: "NONE" } });
  const { categoryId } = await addCategory(lead, { projectId, name: "Security" });
  const add = async (key: string, priority: "CRITICAL" | "HIGH") => {
    const { itemId } = await createItem(lead, { categoryId, title: key, key, priority });
    await db.item.update({ where: { id: itemId }, data: { ownerId: engineer.userId } });
    return itemId;
  };
  const critical = await add("sec.tls", "CRITICAL");
  const high = await add("sec.headers", "HIGH");
  const change = async (actor: UserActor, itemId: string, changes: Record<string, unknown>) => {
    const { version } = await db.item.findUniqueOrThrow({ where: { id: itemId } });
    await updateItem(actor, { itemId, version, changes });
  };
  const kinds: NotificationKind[] = ["LEVEL_RAISED", "LEVEL_LOWERED", "NEW_LAUNCH_BLOCKER", "CHECK_FAILING", "CHECK_RECOVERED"];
  const events = () => db.notificationEvent.findMany({ where: { teamId, kind: { in: kinds } }, orderBy: { createdAt: "asc" }, select: { kind: true, itemId: true, payload: true } });
  const inbox = (actor: UserActor) =>
    db.notification.findMany({ where: { teamId, userId: actor.userId, kind: { in: kinds } }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true } });
  return { teamId, projectId, admin, lead, engineer, viewer, critical, high, change, events, inbox };
}

describe("notifications of readiness moves", () => {
  it("tells leads and admins when the level rises or falls, the owner too of a new blocker, and nothing of a change that moves neither", async () => {
    const w = await world();
    // A critical item added to a project is a blocker it gains: the admin hears of it (the lead added it).
    expect((await w.events()).map((e) => [e.kind, e.itemId])).toEqual([["NEW_LAUNCH_BLOCKER", w.critical]]);
    expect((await w.inbox(w.admin)).map((n) => n.title)).toEqual(["Checkout: sec.tls is now a launch blocker"]);
    await db.notificationEvent.deleteMany({ where: { teamId: w.teamId } });

    await w.change(w.engineer, w.critical, { status: "DONE" });
    expect((await w.events()).map((e) => e.kind)).toEqual(["LEVEL_RAISED"]);
    expect(await w.inbox(w.lead)).toEqual([{ kind: "LEVEL_RAISED", title: "Checkout rose to Level 1 — Blockers cleared (from no level)" }]);
    expect((await w.inbox(w.admin)).map((n) => n.kind)).toEqual(["LEVEL_RAISED"]);
    expect(await w.inbox(w.engineer)).toEqual([]);
    expect(await w.inbox(w.viewer)).toEqual([]);

    // Notes and a partial high item: numbers may move, the level and the blockers do not.
    await w.change(w.lead, w.high, { notes: "Working on it" });
    await w.change(w.engineer, w.high, { status: "PARTIAL" });
    expect(await w.events()).toHaveLength(1);

    await w.change(w.lead, w.critical, { status: "MISSING" });
    expect((await w.events()).map((e) => [e.kind, e.itemId])).toEqual([
      ["LEVEL_RAISED", null],
      ["LEVEL_LOWERED", null],
      ["NEW_LAUNCH_BLOCKER", w.critical],
    ]);
    // The lead made the change and hears nothing of it; the owner hears of the blocker only.
    expect((await w.inbox(w.lead)).map((n) => n.kind)).toEqual(["LEVEL_RAISED"]);
    expect((await w.inbox(w.admin)).map((n) => n.kind)).toEqual(["LEVEL_RAISED", "LEVEL_LOWERED", "NEW_LAUNCH_BLOCKER"]);
    expect(await w.inbox(w.engineer)).toEqual([{ kind: "NEW_LAUNCH_BLOCKER", title: "Checkout: sec.tls is now a launch blocker" }]);

    // Still a blocker after another change to it: not new.
    await w.change(w.engineer, w.critical, { status: "PARTIAL" });
    expect(await w.events()).toHaveLength(3);
  });

  it("tells of a blocker made by raising an item to critical, and of one made by a waiver lapsing, found by the scheduler once", async () => {
    const w = await world();
    await w.change(w.engineer, w.high, { status: "DONE" });
    await w.change(w.lead, w.critical, { status: "NOT_APPLICABLE", notApplicableReason: "No TLS here" });
    const before = (await w.events()).length;
    await w.change(w.engineer, w.high, { status: "MISSING" });
    await w.change(w.lead, w.high, { priority: "CRITICAL" });
    expect((await w.events()).slice(before).map((e) => [e.kind, e.itemId])).toEqual(expect.arrayContaining([["NEW_LAUNCH_BLOCKER", w.high]]));

    // A waiver holds the blocker up until it lapses an hour from now.
    const lapse = new Date(Date.now() + 60 * 60_000);
    await db.waiver.create({ data: { teamId: w.teamId, itemId: w.high, reason: "Accepted", expiresAt: lapse, status: "APPROVED", requestedById: w.engineer.userId, decidedById: w.admin.userId, decidedAt: new Date() } });
    await w.change(w.lead, w.high, { notes: "Waived for now" });
    const waived = (await w.events()).length;
    expect((await w.events()).at(-1)?.kind).toBe("LEVEL_RAISED");

    const after = new Date(lapse.getTime() + 60_000);
    await Promise.all([notifyTimeEvents(after), notifyTimeEvents(after)]);
    await notifyTimeEvents(new Date(after.getTime() + 15 * 60_000));
    expect((await w.events()).slice(waived).map((e) => [e.kind, e.itemId])).toEqual([
      ["LEVEL_LOWERED", null],
      ["NEW_LAUNCH_BLOCKER", w.high],
    ]);
  });
});

describe("notifications of checks", () => {
  it("tells the owner once when a check starts failing and once when it recovers", async () => {
    const w = await world();
    const { id: checkId } = await addCheck(w.lead, { itemId: w.high, settings: { kind: "reported", maxAgeDays: 7 }, failuresBeforeFailing: 1 });
    const checkEvents = async () => (await w.inbox(w.engineer)).filter((n) => n.kind.startsWith("CHECK_"));
    await reportCheckResult(w.lead, { checkId, passed: true, summary: "green" });
    expect(await checkEvents()).toEqual([]);
    await reportCheckResult(w.lead, { checkId, passed: false, summary: "red" });
    await reportCheckResult(w.lead, { checkId, passed: false, summary: "still red" });
    await reportCheckResult(w.lead, { checkId, passed: false, summary: "red again" });
    expect(await checkEvents()).toEqual([{ kind: "CHECK_FAILING", title: expect.stringMatching(/^Checkout: the reported check on sec\.headers fails \(.*red.*\)$/) }]);
    await reportCheckResult(w.lead, { checkId, passed: true, summary: "green" });
    await reportCheckResult(w.lead, { checkId, passed: true, summary: "green" });
    expect((await checkEvents()).map((n) => n.kind)).toEqual(["CHECK_FAILING", "CHECK_RECOVERED"]);
    expect(await w.inbox(w.lead).then((list) => list.filter((n) => n.kind.startsWith("CHECK_")))).toEqual([]);
  });
});

describe("a project made from the catalogue", () => {
  it("starts with its blockers and tells no one of them", async () => {
    const { teamId, actors: [, lead] } = await teamWith(["ADMIN", "LEAD"], "Catalogue");
    await createProject(lead, { name: "Fresh", source: "catalogue", categories: ["security"] });
    expect(await db.notificationEvent.count({ where: { teamId } })).toBe(0);
  });
});
