// The project overview's panels and My work: what they list, across which
// projects, and in how many statements.
import { describe, expect, it } from "vitest";
import { addDays, dayIn } from "@/lib/domain/readiness/dates";
import { db, sqlStatementCount } from "@/lib/server/kernel/db";
import { loadMyWork } from "@/lib/server/read-models/my-work";
import { loadProjectPage, OVERVIEW_LIST_SIZE } from "@/lib/server/read-models/project-page";
import { archiveProject } from "@/lib/server/services/projects";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { teamWith } from "../support/fixtures";
import { catalogueProject, itemByKey, itemsOf } from "../support/readiness";

async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const before = sqlStatementCount();
  await work();
  return sqlStatementCount() - before;
}

const due = (day: string) => new Date(`${day}T00:00:00Z`);

describe("project overview", () => {
  it("lists blockers overdue first with their owners, pending waivers only, and what is due this week in the team's zone", async () => {
    // Far east: "today" there is often not today in UTC.
    const { actors: [lead, engineer, otherLead] } = await teamWith(["LEAD", "ENGINEER", "LEAD"], "Overview", "Pacific/Kiritimati");
    const projectId = await catalogueProject(lead, ["security", "testing", "database", "backup", "monitoring"]);
    const today = dayIn(new Date(), "Pacific/Kiritimati");
    const blockers = (await itemsOf(projectId)).filter((item) => item.priority === "CRITICAL");
    expect(blockers.length).toBeGreaterThan(OVERVIEW_LIST_SIZE);
    const [late, soon] = blockers.slice(-2);
    await db.item.update({ where: { id: late.id }, data: { dueDate: due(addDays(today, -1)), ownerId: engineer.userId } });
    await db.item.update({ where: { id: soon.id }, data: { dueDate: due(addDays(today, 6)) } });
    const nextWeek = await itemByKey(projectId, "testing.unit");
    await db.item.update({ where: { id: nextWeek.id }, data: { dueDate: due(addDays(today, 7)) } });

    const pending = await itemByKey(projectId, "testing.load");
    await requestWaiver(engineer, { itemId: pending.id, reason: "Traffic is tiny until the spring campaign", expiresAt: addDays(today, 30) });
    const approved = await itemByKey(projectId, "testing.end-to-end");
    const { waiverId } = await requestWaiver(engineer, { itemId: approved.id, reason: "Covered by manual release checks", expiresAt: addDays(today, 30) });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });

    const { overview } = await loadProjectPage(lead, projectId);
    expect(overview.blockers.total).toBe(blockers.length);
    expect(overview.blockers.shown).toHaveLength(OVERVIEW_LIST_SIZE);
    expect(overview.blockers.shown[0]).toMatchObject({ id: late.id, overdue: true, ownerName: engineer.name });
    expect(overview.blockers.shown[1]).toMatchObject({ id: soon.id, overdue: false, ownerName: null });
    expect(overview.pendingWaivers.total).toBe(1);
    expect(overview.pendingWaivers.shown[0]).toMatchObject({ itemId: pending.id, requestedByName: engineer.name, reason: "Traffic is tiny until the spring campaign" });
    expect(overview.dueThisWeek.shown.map((item) => item.id)).toEqual([soon.id]);
  });

  it("adds no statement to the project page", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["security", "testing", "backup", "monitoring"]);
    expect(await statementsOf(() => loadProjectPage(lead, projectId))).toBeLessThanOrEqual(4);
  });
});

describe("my work", () => {
  it("groups my open items across active projects by due date, and lists the waivers I may decide", async () => {
    const { actors: [lead, engineer, otherLead] } = await teamWith(["LEAD", "ENGINEER", "LEAD"]);
    const first = await catalogueProject(lead, ["security"], "Payments");
    const second = await catalogueProject(lead, ["testing"], "Search");
    const archived = await catalogueProject(lead, ["testing"], "Old thing");
    const today = dayIn(new Date(), "UTC");
    const mine = async (projectId: string, key: string, dueDate: string | null, status: "MISSING" | "DONE" = "MISSING") => {
      const item = await itemByKey(projectId, key);
      await db.item.update({ where: { id: item.id }, data: { ownerId: engineer.userId, dueDate: dueDate ? due(dueDate) : null, status } });
      return item.id;
    };
    const overdue = await mine(first, "security.authentication", addDays(today, -2));
    const thisWeek = await mine(second, "testing.unit", today);
    const later = await mine(first, "security.headers", addDays(today, 7));
    const undated = await mine(second, "testing.load", null);
    await mine(second, "testing.end-to-end", today, "DONE");
    await mine(archived, "testing.unit", addDays(today, -5));
    await archiveProject(lead, { projectId: archived });
    const othersItem = await itemByKey(first, "security.cors");
    await db.item.update({ where: { id: othersItem.id }, data: { ownerId: lead.userId, dueDate: due(today) } });

    const { waiverId } = await requestWaiver(engineer, { itemId: undated, reason: "Load is tiny until spring", expiresAt: addDays(today, 20) });
    await requestWaiver(lead, { itemId: othersItem.id, reason: "Single origin for now", expiresAt: addDays(today, 20) });

    const work = await loadMyWork(engineer);
    expect(work.overdue.map((item) => item.itemId)).toEqual([overdue]);
    expect(work.overdue[0]).toMatchObject({ projectName: "Payments", standing: "MISSING", priority: "CRITICAL" });
    expect(work.dueThisWeek.map((item) => item.itemId)).toEqual([thisWeek]);
    expect(work.later.map((item) => item.itemId)).toEqual([later]);
    expect(work.noDueDate.map((item) => item.itemId)).toEqual([undated]);
    // An engineer decides no waiver.
    expect(work).toMatchObject({ decidesWaivers: false, decisions: [] });

    // The lead decides the engineer's request, not their own.
    const leads = await loadMyWork(lead);
    expect(leads.decisions.map((d) => d.waiverId)).toEqual([waiverId]);
    expect(leads.decisions[0]).toMatchObject({ projectName: "Search", requestedByName: engineer.name, reason: "Load is tiny until spring" });
    expect(leads.dueThisWeek.map((item) => item.itemId)).toEqual([othersItem.id]);
    expect((await loadMyWork(otherLead)).decisions).toHaveLength(2);

    // Nothing of another team, and nothing of a project once it is archived.
    const { actors: [stranger] } = await teamWith(["LEAD"]);
    expect(await loadMyWork(stranger)).toMatchObject({ overdue: [], dueThisWeek: [], later: [], noDueDate: [], decisions: [] });
    await archiveProject(lead, { projectId: first });
    expect(await loadMyWork(engineer)).toMatchObject({ overdue: [], later: [] });
  });

  it("reads in two statements whatever the number of projects", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const one = await catalogueProject(lead, ["testing"], "One");
    await db.item.updateMany({ where: { projectId: one }, data: { ownerId: lead.userId } });
    const few = await statementsOf(() => loadMyWork(lead));
    for (let n = 0; n < 6; n += 1) {
      const projectId = await catalogueProject(lead, ["security"], `Project ${n}`);
      await db.item.updateMany({ where: { projectId }, data: { ownerId: lead.userId } });
    }
    const many = await statementsOf(() => loadMyWork(lead));
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(2);
  });
});
