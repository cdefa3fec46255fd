import { describe, expect, it } from "vitest";
import { startOfDayIn } from "@/lib/domain/readiness/dates";
import { db } from "@/lib/server/kernel/db";
import { notifyTimeEvents } from "@/lib/server/jobs/time-notifications";
import { teamWith } from "../support/fixtures";

// Builds a blank project straight in the database: a category and items as the tests need them.
async function world(timeZone: string) {
  const { teamId, actors } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"], "Timed", timeZone);
  const [lead, owner, adder] = actors;
  const project = await db.project.create({ data: { teamId, name: "Checkout" } });
  const category = await db.category.create({ data: { teamId, projectId: project.id, name: "Security", position: 0 } });
  let position = 0;
  const item = (key: string, data: { dueDate?: string; status?: "MISSING" | "PARTIAL" | "DONE" | "NOT_APPLICABLE"; ownerId?: string | null; projectId?: string } = {}) =>
    db.item.create({
      data: {
        teamId,
        projectId: data.projectId ?? project.id,
        categoryId: category.id,
        key,
        title: key,
        position: position++,
        status: data.status ?? "MISSING",
        priority: "HIGH",
        ownerId: data.ownerId === undefined ? owner.userId : data.ownerId,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
      },
    });
  const evidence = (itemId: string, expiresAt: Date, addedById: string | null = adder.userId, label = "Report") =>
    db.evidence.create({ data: { teamId, itemId, kind: "LINK", url: "https://example.com/r", label, expiresAt, addedById } });
  const waiver = (itemId: string, expiresAt: Date, requestedById = adder.userId) =>
    db.waiver.create({ data: { teamId, itemId, reason: "Accepted for now", expiresAt, status: "APPROVED", requestedById, decidedById: lead.userId, decidedAt: new Date() } });
  const inbox = (userId: string) => db.notification.findMany({ where: { teamId, userId }, orderBy: { title: "asc" }, select: { kind: true, title: true, itemId: true, link: true } });
  const events = () => db.notificationEvent.findMany({ where: { teamId }, orderBy: { dedupeKey: "asc" }, select: { kind: true, dedupeKey: true, actorUserId: true, actorLabel: true } });
  return { teamId, lead, owner, adder, project, category, item, evidence, waiver, inbox, events };
}

// 2026-03-10T20:00Z: Tuesday the 10th, 13:00 in Los Angeles; already Wednesday the 11th, 09:00 in Auckland.
const NOW = new Date("2026-03-10T20:00:00Z");

describe("notifications of what time brings", () => {
  it("tells an owner of items due within 3 days and overdue, judged in the team's zone (Los Angeles)", async () => {
    const w = await world("America/Los_Angeles");
    const today = await w.item("a.today", { dueDate: "2026-03-10" });
    await w.item("a.in-3", { dueDate: "2026-03-13" });
    await w.item("a.in-4", { dueDate: "2026-03-14" });
    const late = await w.item("a.late", { dueDate: "2026-03-09" });
    await w.item("a.done", { dueDate: "2026-03-11", status: "DONE" });
    await w.item("a.nobody", { dueDate: "2026-03-11", ownerId: null });
    await notifyTimeEvents(NOW);
    expect(await w.inbox(w.owner.userId)).toEqual([
      { kind: "ITEM_DUE_SOON", title: "Checkout: a.in-3 is due in 3 days", itemId: expect.any(String), link: expect.stringContaining("/items/") },
      { kind: "ITEM_OVERDUE", title: "Checkout: a.late is overdue (due yesterday)", itemId: late.id, link: `/projects/${w.project.id}/items/${late.id}` },
      { kind: "ITEM_DUE_SOON", title: "Checkout: a.today is due today", itemId: today.id, link: `/projects/${w.project.id}/items/${today.id}` },
    ]);
    const recorded = await w.events();
    expect(recorded.map((e) => e.dedupeKey)).toHaveLength(3);
    expect(recorded.map((e) => e.dedupeKey)).toEqual(expect.arrayContaining([`due-soon:${today.id}:2026-03-10`, expect.stringMatching(/^due-soon:.*:2026-03-13$/), `overdue:${late.id}:2026-03-09`]));
    expect(recorded.every((e) => e.actorUserId === null && e.actorLabel === "Shipshape")).toBe(true);
  });

  it("judges the same due dates a day further on in Auckland", async () => {
    const w = await world("Pacific/Auckland");
    await w.item("b.10th", { dueDate: "2026-03-10" });
    await w.item("b.14th", { dueDate: "2026-03-14" });
    await w.item("b.15th", { dueDate: "2026-03-15" });
    await notifyTimeEvents(NOW);
    expect((await w.inbox(w.owner.userId)).map((n) => [n.kind, n.title])).toEqual([
      ["ITEM_OVERDUE", "Checkout: b.10th is overdue (due yesterday)"],
      ["ITEM_DUE_SOON", "Checkout: b.14th is due in 3 days"],
    ]);
  });

  it("tells the adder and the owner of evidence expiring within 7 days, and of expired evidence that leaves a done item stale", async () => {
    for (const zone of ["Pacific/Auckland", "America/Los_Angeles"]) {
      const w = await world(zone);
      const expiring = await w.item("c.expiring", { status: "DONE" });
      await w.evidence(expiring.id, startOfDayIn("2026-03-17", zone), w.adder.userId, "TLS report");
      const far = await w.item("c.far", { status: "DONE" });
      await w.evidence(far.id, startOfDayIn("2026-03-19", zone));
      const stale = await w.item("c.stale", { status: "DONE" });
      await w.evidence(stale.id, startOfDayIn("2026-03-09", zone), w.adder.userId, "Pen test");
      const covered = await w.item("c.covered", { status: "DONE" });
      await w.evidence(covered.id, startOfDayIn("2026-03-09", zone));
      await w.evidence(covered.id, startOfDayIn("2026-06-01", zone));
      await notifyTimeEvents(NOW);
      const expected = [
        ["EVIDENCE_EXPIRING", zone === "Pacific/Auckland" ? "Checkout: c.expiring has evidence “TLS report” to re-verify in 6 days" : "Checkout: c.expiring has evidence “TLS report” to re-verify in 7 days"],
        ["EVIDENCE_EXPIRED", "Checkout: c.stale is stale: its evidence “Pen test” expired"],
      ];
      expect((await w.inbox(w.adder.userId)).map((n) => [n.kind, n.title])).toEqual(expected);
      expect((await w.inbox(w.owner.userId)).map((n) => [n.kind, n.title])).toEqual(expected);
    }
  });

  it("tells the requester and the owner of an approved waiver lapsing within 7 days, in the team's zone", async () => {
    for (const zone of ["Pacific/Auckland", "America/Los_Angeles"]) {
      const w = await world(zone);
      const soon = await w.item("d.soon");
      await w.waiver(soon.id, startOfDayIn("2026-03-18", zone));
      const later = await w.item("d.later");
      await w.waiver(later.id, startOfDayIn("2026-03-19", zone));
      const renewed = await w.item("d.renewed");
      await w.waiver(renewed.id, startOfDayIn("2026-03-12", zone));
      await w.waiver(renewed.id, startOfDayIn("2026-09-01", zone));
      await notifyTimeEvents(NOW);
      const titles = (await w.inbox(w.adder.userId)).map((n) => n.title);
      // The 18th is 7 days from the 11th (Auckland) but 8 from the 10th (Los Angeles).
      expect(titles).toEqual(zone === "Pacific/Auckland" ? ["Checkout: d.soon has a waiver that lapses in 7 days"] : []);
      expect((await w.inbox(w.owner.userId)).map((n) => n.title)).toEqual(titles);
    }
  });

  it("folds what one run finds about one item for one person into one entry", async () => {
    const w = await world("America/Los_Angeles");
    const item = await w.item("e.both", { dueDate: "2026-03-12", status: "PARTIAL" });
    await w.evidence(item.id, startOfDayIn("2026-03-15", "America/Los_Angeles"), w.adder.userId, "Runbook");
    await notifyTimeEvents(NOW);
    expect(await w.inbox(w.owner.userId)).toEqual([
      { kind: "ITEM_DUE_SOON", title: "Checkout: e.both is due in 2 days and has evidence “Runbook” to re-verify in 5 days", itemId: item.id, link: expect.any(String) },
    ]);
    expect((await w.inbox(w.adder.userId)).map((n) => [n.kind, n.title])).toEqual([["EVIDENCE_EXPIRING", "Checkout: e.both has evidence “Runbook” to re-verify in 5 days"]]);
    // Two events in the outbox, each recorded once; the owner's one entry stands for both.
    expect((await w.events()).map((e) => e.kind)).toEqual(["ITEM_DUE_SOON", "EVIDENCE_EXPIRING"]);
  });

  it("tells each finding once across runs, and again for a new due date", async () => {
    const w = await world("America/Los_Angeles");
    const item = await w.item("f.once", { dueDate: "2026-03-12" });
    await notifyTimeEvents(NOW);
    await notifyTimeEvents(new Date(NOW.getTime() + 15 * 60_000));
    expect(await w.inbox(w.owner.userId)).toHaveLength(1);
    // A second finding about the same item later is an entry of its own, naming only what is new.
    await w.evidence(item.id, startOfDayIn("2026-03-16", "America/Los_Angeles"));
    await notifyTimeEvents(new Date(NOW.getTime() + 30 * 60_000));
    expect((await w.inbox(w.owner.userId)).map((n) => n.kind).sort()).toEqual(["EVIDENCE_EXPIRING", "ITEM_DUE_SOON"]);
    await db.item.update({ where: { id: item.id }, data: { dueDate: new Date("2026-03-13T00:00:00Z") } });
    await notifyTimeEvents(new Date(NOW.getTime() + 45 * 60_000));
    expect((await w.inbox(w.owner.userId)).filter((n) => n.kind === "ITEM_DUE_SOON")).toHaveLength(2);
    // The day after its due date it is overdue: news of another kind, once.
    await notifyTimeEvents(new Date("2026-03-14T20:00:00Z"));
    await notifyTimeEvents(new Date("2026-03-15T20:00:00Z"));
    expect((await w.inbox(w.owner.userId)).filter((n) => n.kind === "ITEM_OVERDUE")).toHaveLength(1);
  });

  it("tells each finding once when two runs meet", async () => {
    const w = await world("Pacific/Auckland");
    for (let n = 0; n < 20; n += 1) {
      const item = await w.item(`g.${n}`, { dueDate: "2026-03-12" });
      await w.evidence(item.id, startOfDayIn("2026-03-14", "Pacific/Auckland"));
    }
    const counts = await Promise.all([notifyTimeEvents(NOW), notifyTimeEvents(NOW), notifyTimeEvents(NOW)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(await db.notificationEvent.count({ where: { teamId: w.teamId } })).toBe(40);
    expect(await db.notification.count({ where: { teamId: w.teamId, userId: w.owner.userId } })).toBe(20);
    expect(await db.notification.count({ where: { teamId: w.teamId, userId: w.adder.userId } })).toBe(20);
  });

  it("skips archived projects and people who left the team", async () => {
    const w = await world("America/Los_Angeles");
    const archived = await db.project.create({ data: { teamId: w.teamId, name: "Old", archivedAt: new Date("2026-01-01") } });
    const category = await db.category.create({ data: { teamId: w.teamId, projectId: archived.id, name: "Old", position: 0 } });
    await db.item.create({ data: { teamId: w.teamId, projectId: archived.id, categoryId: category.id, key: "h.old", title: "Old", position: 0, ownerId: w.owner.userId, dueDate: new Date("2026-03-11T00:00:00Z") } });
    const item = await w.item("h.gone", { dueDate: "2026-03-11" });
    await w.evidence(item.id, startOfDayIn("2026-03-12", "America/Los_Angeles"));
    await db.membership.delete({ where: { teamId_userId: { teamId: w.teamId, userId: w.adder.userId } } });
    await notifyTimeEvents(NOW);
    expect((await w.inbox(w.owner.userId)).map((n) => n.title)).toEqual(["Checkout: h.gone is due tomorrow and has evidence “Report” to re-verify in 2 days"]);
    expect(await w.inbox(w.adder.userId)).toEqual([]);
    expect(await db.notificationEvent.count({ where: { teamId: w.teamId, projectId: archived.id } })).toBe(0);
  });
});
