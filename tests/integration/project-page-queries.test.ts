import { describe, expect, it } from "vitest";
import { db, sqlStatementCount } from "@/lib/server/kernel/db";
import type { UserActor } from "@/lib/server/kernel/actor";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { createProject } from "@/lib/server/services/projects";
import { teamWith } from "../support/fixtures";

async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const before = sqlStatementCount();
  await work();
  return sqlStatementCount() - before;
}

/**
 * A blank project of `count` items in three categories, every item worked:
 * an owner (one of `owners`), a status, two pieces of evidence (one expiring),
 * and on every third item an open waiver: each relation the page shows has
 * rows, so a query per item or per evidence would show in the count.
 */
async function workedProject(lead: UserActor, owners: string[], count: number): Promise<string> {
  const { projectId } = await createProject(lead, { name: `Worked ${count}`, source: "blank" });
  const categories = await Promise.all(
    ["Security", "Testing", "Operations"].map((name, position) => db.category.create({ data: { teamId: lead.teamId, projectId, name, position } })),
  );
  await db.item.createMany({
    data: Array.from({ length: count }, (_, n) => ({
      teamId: lead.teamId,
      projectId,
      categoryId: categories[n % categories.length].id,
      key: `item-${n}`,
      title: `Item ${n}`,
      priority: (["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const)[n % 4],
      status: (["MISSING", "PARTIAL", "DONE"] as const)[n % 3],
      ownerId: owners[n % owners.length],
      effortHours: 2,
      position: n,
    })),
  });
  const items = await db.item.findMany({ where: { projectId }, select: { id: true } });
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  await db.evidence.createMany({
    data: items.flatMap((item, n) => [
      { teamId: lead.teamId, itemId: item.id, kind: "PULL_REQUEST" as const, url: `https://example.com/pr/${n}`, label: `PR ${n}`, addedById: lead.userId },
      { teamId: lead.teamId, itemId: item.id, kind: "CI_RUN" as const, url: `https://ci.example.com/${n}`, label: `Run ${n}`, expiresAt: inAMonth, addedById: owners[n % owners.length] },
    ]),
  });
  await db.waiver.createMany({
    data: items.filter((_, n) => n % 3 === 0).map((item) => ({ teamId: lead.teamId, itemId: item.id, reason: "Accepted for the beta", expiresAt: inAMonth, requestedById: owners[1] })),
  });
  return projectId;
}

describe("the project page's read model", () => {
  it("sends as many SQL statements for 100 worked items as for 10", async () => {
    const { actors } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"]);
    const [lead] = actors;
    const owners = actors.map((actor) => actor.userId);
    const ten = await workedProject(lead, owners, 10);
    const hundred = await workedProject(lead, owners, 100);

    const tenStatements = await statementsOf(() => loadProjectPage(lead, ten));
    const hundredStatements = await statementsOf(() => loadProjectPage(lead, hundred));

    // The rows really were read, with their relations.
    const page = await loadProjectPage(lead, hundred);
    expect(page.items).toHaveLength(100);
    expect(page.items.every((item) => item.evidenceCount === 2 && item.ownerId !== null)).toBe(true);
    expect(page.items.filter((item) => item.waiver !== null)).toHaveLength(34);
    // Members and recent activity come with the items: the team's members by
    // name, and this project's activity only.
    expect(page.members.map((member) => member.name)).toEqual(actors.map((actor) => actor.name).sort((a, b) => a.localeCompare(b)));
    const { projectId: other } = await createProject(lead, { name: "Another project", source: "blank" });
    const recent = (await loadProjectPage(lead, hundred)).recentActivity;
    expect(recent.map((entry) => entry.action)).toEqual(["project.created"]);
    expect((await loadProjectPage(lead, other)).recentActivity).toHaveLength(1);
    expect(hundredStatements).toBe(tenStatements);
  });
});
