// The portfolio report: every active project of the team with the numbers
// its own report shows, its blockers, and nothing of other teams.
import { describe, expect, it } from "vitest";
import { sqlStatementCount } from "@/lib/server/kernel/db";
import { shareLinkReader } from "@/lib/server/access/share-link-access";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { archiveProject } from "@/lib/server/services/projects";
import { createShareLink } from "@/lib/server/services/share-links";
import { updateItem } from "@/lib/server/services/items";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code, itemByKey } from "../support/readiness";

describe("portfolio report", () => {
  it("matches each project's own report, lists blockers, and leaves out archived projects and other teams", async () => {
    const { actors: [lead, viewer] } = await teamWith(["LEAD", "VIEWER"], "Launch Crew");
    const { actors: [outsider] } = await teamWith(["LEAD"], "Other team");
    const checkout = await catalogueProject(lead, ["security", "testing"], "Checkout API");
    const search = await catalogueProject(lead, ["testing"], "Search");
    const old = await catalogueProject(lead, ["testing"], "Old site");
    await archiveProject(lead, { projectId: old });
    await catalogueProject(outsider, ["security"], "Not ours");
    const unit = await itemByKey(search, "testing.unit");
    await updateItem(lead, { itemId: unit.id, version: unit.version, changes: { status: "DONE", ownerId: lead.userId } });

    const before = sqlStatementCount();
    const portfolio = await loadPortfolioReport(viewer);
    expect(sqlStatementCount() - before).toBe(5);
    expect(portfolio.schema).toBe("shipshape.portfolio/v1");
    expect(portfolio.team.name).toMatch(/^Launch Crew/);
    expect(portfolio.projects.map((p) => p.name)).toEqual(["Checkout API", "Search"]);

    for (const entry of portfolio.projects) {
      const own = await loadProjectReport(viewer, entry.id);
      expect(entry).toMatchObject({
        readinessPercent: own.summary.readinessPercent,
        level: own.summary.level,
        launchBlockers: own.summary.launchBlockers,
        remainingEffortHours: own.summary.remainingEffortHours,
        applicable: own.summary.applicable,
        forecast: own.forecast,
      });
      expect(entry.blockers.map((b) => b.key)).toEqual(own.blockers.map((b) => b.key));
    }
    const checkoutEntry = portfolio.projects.find((p) => p.id === checkout)!;
    expect(checkoutEntry.blockers.length).toBe(5);
    expect(portfolio.totals).toMatchObject({ projects: 2, launchBlockers: 5 });
    expect(JSON.stringify(portfolio)).not.toContain("@example.com");
  });

  it("is not open to a share link, which reads one project only", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["testing"]);
    const { url } = await createShareLink(lead, { projectId });
    const reader = await shareLinkReader(url.split("/share/")[1]);
    expect(await code(loadPortfolioReport(reader!))).toBe("FORBIDDEN");
  });
});
