import { describe, expect, it } from "vitest";
import { reportCsv } from "@/lib/domain/report/csv";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import { db, sqlStatementCount } from "@/lib/server/kernel/db";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { addEvidence } from "@/lib/server/services/evidence";
import { updateItem } from "@/lib/server/services/items";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, itemByKey } from "../support/readiness";

describe("project report", () => {
  it("is computed in one statement with the dashboard's numbers, names but no e-mail addresses or notes", async () => {
    const { actors: [lead, otherLead, engineer, viewer] } = await teamWith(["LEAD", "LEAD", "ENGINEER", "VIEWER"]);
    const projectId = await catalogueProject(lead, ["security", "testing"]);
    const auth = await itemByKey(projectId, "security.authentication");
    await addEvidence(engineer, { itemId: auth.id, kind: "PULL_REQUEST", target: "https://git.example.com/pr/1", label: "PR #1" });
    await updateItem(engineer, { itemId: auth.id, version: auth.version, changes: { status: "DONE", ownerId: engineer.userId, notes: "internal: ask Sam" } });
    const pentest = await itemByKey(projectId, "security.penetration-test");
    const { waiverId } = await requestWaiver(engineer, { itemId: pentest.id, reason: "Booked for March", expiresAt: daysFromNow(30) });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });

    const before = sqlStatementCount();
    const report = await loadProjectReport(viewer, projectId);
    expect(sqlStatementCount() - before).toBe(1);

    const page = await loadProjectPage(lead, projectId);
    expect(report.summary).toMatchObject({
      readinessPercent: page.readiness.percent,
      level: page.readiness.level,
      launchBlockers: page.readiness.launchBlockers,
      remainingEffortHours: page.readiness.remainingEffortHours,
      counts: page.readiness.counts,
    });
    expect(report.categories.map((c) => [c.name, c.percent, c.glyph])).toEqual(page.matrix.map((m) => [m.name, m.percent, m.glyph]));
    expect(report.categories.flatMap((c) => c.items)).toHaveLength(await db.item.count({ where: { projectId } }));
    expect(report.blockers.map((item) => item.key)).not.toContain("security.authentication");
    expect(report.waivers).toEqual([expect.objectContaining({ key: "security.penetration-test", status: "APPROVED", approvedBy: otherLead.name, requestedBy: engineer.name })]);

    const authItem = report.categories[1].items.find((item) => item.key === "security.authentication");
    expect(authItem).toMatchObject({ standing: "DONE", owner: engineer.name, evidence: [expect.objectContaining({ label: "PR #1", url: "https://git.example.com/pr/1" })] });
    for (const text of [JSON.stringify(report), reportMarkdown(report), reportCsv(report)]) {
      expect(text).not.toContain("@example.com");
      expect(text).not.toContain("ask Sam");
    }
  });

  it("is the team's only", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { actors: [stranger] } = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    expect(await code(loadProjectReport(stranger, projectId))).toBe("NOT_FOUND");
  });
});
