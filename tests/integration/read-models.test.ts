import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readinessOf } from "@/lib/domain/readiness/score";
import { db, sqlStatementCount } from "@/lib/server/kernel/db";
import { loadItemPage } from "@/lib/server/read-models/item-page";
import { scorableOf } from "@/lib/server/read-models/item-view";
import { itemViewSelect } from "@/lib/server/read-models/item-view";
import { loadPortfolio } from "@/lib/server/read-models/portfolio";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { loadProjectScore } from "@/lib/server/read-models/project-score";
import { weightsOf } from "@/lib/server/read-models/project-view";
import { portfolioQuery } from "@/lib/schemas/project";
import { archiveProject, createProject } from "@/lib/server/services/projects";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code } from "../support/readiness";

async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const before = sqlStatementCount();
  await work();
  return sqlStatementCount() - before;
}

const defaults = portfolioQuery.parse({});
const now = new Date();
const day = 86_400_000;

describe("query budgets", () => {
  it("loads the project page in the same few statements whatever its size", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const small = await catalogueProject(lead, ["testing"], "Small");
    const large = await catalogueProject(lead, ["environments", "testing", "security", "ci-cd", "infrastructure", "database", "backup", "monitoring", "operations", "performance", "documentation", "compliance", "mobile"], "Large");
    const smallCount = await statementsOf(() => loadProjectPage(lead, small));
    const largeCount = await statementsOf(() => loadProjectPage(lead, large));
    expect((await loadProjectPage(lead, large)).items.length).toBeGreaterThan(100);
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThanOrEqual(4);
    const item = await db.item.findFirstOrThrow({ where: { projectId: large } });
    expect(await statementsOf(() => loadItemPage(lead, large, item.id))).toBeLessThanOrEqual(4);
    console.info(`project page: ${smallCount} statements for 8 items, ${largeCount} for 103 items`);
  });

  it("loads the portfolio in the same few statements whatever the number of projects", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    await catalogueProject(lead, ["testing"], "One");
    const one = await statementsOf(() => loadPortfolio(lead, defaults));
    for (let n = 0; n < 12; n += 1) await catalogueProject(lead, ["security", "backup"], `Project ${n}`);
    const many = await statementsOf(() => loadPortfolio(lead, defaults));
    expect((await loadPortfolio(lead, defaults)).projects).toHaveLength(13);
    expect(many).toBe(one);
    expect(many).toBeLessThanOrEqual(4);
    console.info(`portfolio: ${one} statements for 1 project, ${many} for 13 projects`);
  });
});

describe("portfolio", () => {
  it("tallies in SQL exactly as the scoring module does", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead, ["security", "testing", "backup"]);
    const items = await db.item.findMany({ where: { projectId } });
    // Random statuses, priorities (or none: needs triage), estimates,
    // evidence expiries and waivers, then compare both paths under every
    // evidence policy.
    const states = fc.sample(
      fc.record({
        status: fc.constantFrom("MISSING", "PARTIAL", "DONE", "DONE", "NOT_APPLICABLE"),
        priority: fc.constantFrom(null, "CRITICAL", "HIGH", "MEDIUM", "LOW"),
        effortHours: fc.constantFrom(null, 0, 3, 7.5),
        evidence: fc.array(fc.constantFrom(null, -5, -5, 5), { maxLength: 2 }),
        waiver: fc.constantFrom(null, "APPROVED", "APPROVED_EXPIRED", "PENDING", "REJECTED"),
        // Automated checks: none, or one in a state (PENDING: not evaluated yet).
        checks: fc.constantFrom<string[]>([], [], ["PENDING"], ["PASSING"], ["FAILING", "PENDING"]),
      }),
      { numRuns: items.length, seed: 20261122 },
    );
    for (const [n, item] of items.entries()) {
      const state = states[n];
      await db.item.update({
        where: { id: item.id },
        data: { status: state.status as never, priority: state.priority as never, effortHours: state.effortHours, notApplicableReason: "test" },
      });
      for (const offset of state.evidence) {
        await db.evidence.create({
          data: { teamId: item.teamId, itemId: item.id, kind: "LINK", url: "https://x.example", label: "x", expiresAt: offset === null ? null : new Date(now.getTime() + offset * day) },
        });
      }
      for (const checkState of state.checks) {
        await db.check.create({
          data: { teamId: item.teamId, projectId, itemId: item.id, kind: "REPORTED", settings: { kind: "reported", maxAgeDays: 7 }, state: checkState as never },
        });
      }
      if (state.waiver) {
        await db.waiver.create({
          data: {
            teamId: item.teamId,
            itemId: item.id,
            reason: "test",
            status: state.waiver === "APPROVED_EXPIRED" ? "APPROVED" : (state.waiver as never),
            expiresAt: new Date(now.getTime() + (state.waiver === "APPROVED_EXPIRED" ? -1 : 3) * day),
            requestedById: engineer.userId,
          },
        });
      }
    }
    const rows = await db.item.findMany({ where: { projectId }, select: itemViewSelect });
    const seen = { NEEDS_EVIDENCE: 0, STALE: 0, WAIVED: 0, NOT_EVALUATED: 0, needsTriage: 0, unestimatedItems: 0 };
    for (const policy of ["NONE", "CRITICAL", "CRITICAL_AND_HIGH", "ALL"] as const) {
      const project = await db.project.update({ where: { id: projectId }, data: { evidencePolicy: policy } });
      const expected = readinessOf(rows.map((row) => scorableOf(row, policy, now)), weightsOf(project), now);
      const [summary] = (await loadPortfolio(lead, defaults, now)).projects;
      expect(summary.readiness, policy).toEqual(expected);
      for (const standing of ["NEEDS_EVIDENCE", "STALE", "WAIVED", "NOT_EVALUATED"] as const) seen[standing] += expected.counts[standing];
      seen.needsTriage += expected.needsTriage;
      seen.unestimatedItems += expected.unestimatedItems;

      // The API's project read tallies per category in SQL: the same numbers
      // and the same matrix as the project page.
      const page = await loadProjectPage(lead, projectId, now);
      const score = await loadProjectScore(lead, projectId, now);
      expect(score.readiness, policy).toEqual(page.readiness);
      expect(score.readiness, policy).toEqual(expected);
      expect(score.matrix, policy).toEqual(page.matrix);
      expect(score.project).toEqual(page.project);
    }
    // Every standing the rules derive came up, so the comparison covered them.
    expect(Object.entries(seen).filter(([, count]) => count === 0)).toEqual([]);
    expect(await statementsOf(() => loadProjectScore(lead, projectId, now))).toBe(1);
  });

  it("hides archived projects unless asked, filters, sorts, and shows only the actor's team", async () => {
    const { actors: [lead, viewer] } = await teamWith(["LEAD", "VIEWER"]);
    const other = await teamWith(["LEAD"]);
    await catalogueProject(other.actors[0], ["testing"], "Someone else's");
    const alpha = await catalogueProject(lead, ["testing"], "Alpha");
    await createProject(lead, { name: "Beta", source: "blank", targetDate: "2027-01-01" });
    await catalogueProject(lead, ["security"], "Gamma");
    await archiveProject(lead, { projectId: alpha });

    const names = async (query: object) => (await loadPortfolio(viewer, portfolioQuery.parse(query))).projects.map((p) => p.name);
    expect(await names({ sort: "name" })).toEqual(["Beta", "Gamma"]);
    expect(await names({ sort: "name", archived: "include" })).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(await names({ sort: "name", archived: "only" })).toEqual(["Alpha"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["Gamma", "Beta"]);
    expect(await names({ q: "gam" })).toEqual(["Gamma"]);
    expect(await names({ sort: "target" })).toEqual(["Beta", "Gamma"]);
    expect(await names({ sort: "bogus" })).toHaveLength(2);
    expect((await loadPortfolio(viewer, defaults)).archivedCount).toBe(1);
    expect(await code(loadProjectPage(other.actors[0], alpha))).toBe("NOT_FOUND");
  });
});
