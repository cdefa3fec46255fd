// An owner who is no longer a member of the team is no owner, wherever an item
// is read: the item views, the API, the report and its exports, the portfolio
// and the YAML checklist, and the "Unassigned" filter. The data below is left
// behind the way older versions left it (the membership gone, the item still
// pointing at the person), so the rule is proven at read time, not only by
// the hand-over on removal.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isoDay } from "@/lib/domain/readiness/dates";
import { filterItems } from "@/lib/domain/readiness/filters";
import { REPORT_FORMATS } from "@/lib/domain/report/formats";
import { PORTFOLIO_FORMATS } from "@/lib/domain/report/formats";
import { checklistYaml } from "@/lib/import/yaml-checklist";
import { db } from "@/lib/server/kernel/db";
import { loadChecklistDocument } from "@/lib/server/read-models/checklist-document";
import { loadItemByKey } from "@/lib/server/read-models/item-detail";
import { loadItemPage } from "@/lib/server/read-models/item-page";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { renderPortfolio, renderReport } from "@/lib/server/report/render";
import { updateItem } from "@/lib/server/services/items";
import { callApi, tokenFor } from "../support/api";
import { teamWith } from "../support/fixtures";
import { catalogueProject, itemByKey } from "../support/readiness";

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-owner-")), "report.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

// A team whose engineer owns a critical item, an open item and a done one,
// and then leaves the way data from before the hand-over looks: membership
// deleted, items untouched. Every change is made by the lead, so that the
// engineer's name could only appear as an owner.
async function teamWithFormerOwner() {
  const { teamId, actors: [admin, lead, engineer, other] } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER"], "Former owners");
  // Two engineers of one team share a generated name; the one who stays gets his own.
  const stayer = { ...other, name: `Sam Stayer ${other.userId.slice(0, 6)}` };
  await db.user.update({ where: { id: stayer.userId }, data: { name: stayer.name } });
  const projectId = await catalogueProject(lead, ["security", "testing"]);
  const keys = { critical: "security.authentication", open: "testing.unit", done: "testing.integration", kept: "security.secrets" };
  for (const [name, key] of Object.entries(keys)) {
    const item = await itemByKey(projectId, key);
    const ownerId = name === "kept" ? stayer.userId : engineer.userId;
    await updateItem(lead, { itemId: item.id, version: item.version, changes: { ownerId, ...(name === "done" ? { status: "DONE" } : {}) } });
  }
  await db.membership.delete({ where: { teamId_userId: { teamId, userId: engineer.userId } } });
  expect(await db.item.count({ where: { projectId, ownerId: engineer.userId } })).toBe(3);
  return { teamId, admin, lead, engineer, stayer, projectId, keys };
}

describe("an owner who left the team", () => {
  it("is no owner in the project page, the item page and the Unassigned filter", async () => {
    const { lead, engineer, stayer, projectId, keys } = await teamWithFormerOwner();
    const page = await loadProjectPage(lead, projectId);
    const former = page.items.filter((item) => [keys.critical, keys.open, keys.done].includes(item.key));
    expect(former).toHaveLength(3);
    for (const item of former) expect(item).toMatchObject({ ownerId: null, ownerName: null, ownerEmail: null });
    expect(page.items.find((item) => item.key === keys.kept)).toMatchObject({ ownerId: stayer.userId, ownerName: stayer.name });

    const unassigned = filterItems(page.items, { owner: "none" }, { userId: lead.userId, today: isoDay(new Date()) }).map((item) => item.key);
    expect(unassigned).toEqual(expect.arrayContaining([keys.critical, keys.open, keys.done]));
    expect(unassigned).not.toContain(keys.kept);
    expect(filterItems(page.items, { owner: engineer.userId }, { userId: lead.userId, today: isoDay(new Date()) })).toEqual([]);

    const item = await itemByKey(projectId, keys.open);
    expect((await loadItemPage(lead, projectId, item.id)).item).toMatchObject({ ownerId: null, ownerName: null, ownerEmail: null });
    expect((await loadItemByKey(lead, projectId, keys.open)).ownerName).toBeNull();
  });

  it("is named in no report, export or YAML checklist", async () => {
    const { lead, engineer, stayer, projectId, keys } = await teamWithFormerOwner();
    const report = await loadProjectReport(lead, projectId);
    const reportItems = report.categories.flatMap((category) => category.items);
    for (const key of [keys.critical, keys.open, keys.done]) expect(reportItems.find((item) => item.key === key)?.owner).toBeNull();
    expect(reportItems.find((item) => item.key === keys.kept)?.owner).toBe(stayer.name);
    expect(report.blockers.find((item) => item.key === keys.critical)?.owner).toBeNull();
    expect(report.summary.nextLevel?.items.find((item) => item.key === keys.critical)?.owner).toBeNull();

    for (const format of Object.keys(REPORT_FORMATS) as (keyof typeof REPORT_FORMATS)[]) {
      const { body } = await renderReport(report, format);
      expect(String(body), format).not.toContain(engineer.name);
      expect(String(body), format).toContain(stayer.name);
    }
    const pdf = pdfText((await renderReport(report, "pdf")).body as Buffer);
    expect(pdf).not.toContain(engineer.name);
    expect(pdf).toContain("unassigned");

    const yaml = checklistYaml(await loadChecklistDocument(lead, projectId));
    expect(yaml).not.toContain(engineer.email);
    expect(yaml).toContain(stayer.email);
  });

  it("is named in no portfolio blocker", async () => {
    const { lead, engineer, projectId, keys } = await teamWithFormerOwner();
    const portfolio = await loadPortfolioReport(lead);
    const blockers = portfolio.projects.find((project) => project.id === projectId)?.blockers ?? [];
    expect(blockers.find((blocker) => blocker.key === keys.critical)).toMatchObject({ owner: null });
    for (const format of [...Object.keys(PORTFOLIO_FORMATS), "pdf"] as (keyof typeof PORTFOLIO_FORMATS | "pdf")[]) {
      const { body } = await renderPortfolio(portfolio, format);
      const text = format === "pdf" ? pdfText(body as Buffer) : String(body);
      expect(text, format).not.toContain(engineer.name);
    }
  });

  it("is no owner in the API, and owner=none finds their items", async () => {
    const { admin, engineer, stayer, projectId, keys } = await teamWithFormerOwner();
    const { secret } = await tokenFor(admin, "read");
    const list = await callApi("GET", `/api/v1/projects/${projectId}/items?limit=200`, { token: secret });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(engineer.email);
    expect(JSON.stringify(list.body)).not.toContain(engineer.name);

    const none = await callApi("GET", `/api/v1/projects/${projectId}/items?owner=none&limit=200`, { token: secret });
    const found = none.body.data.map((item: { key: string }) => item.key);
    expect(found).toEqual(expect.arrayContaining([keys.critical, keys.open, keys.done]));
    expect(found).not.toContain(keys.kept);

    const mine = await callApi("GET", `/api/v1/projects/${projectId}/items?owner=${encodeURIComponent(stayer.email)}`, { token: secret });
    expect(mine.body.data.map((item: { key: string }) => item.key)).toEqual([keys.kept]);
    const gone = await callApi("GET", `/api/v1/projects/${projectId}/items?owner=${encodeURIComponent(engineer.email)}`, { token: secret });
    expect(gone.status).toBe(400);
    expect(gone.body.error.fields.owner).toBeDefined();

    const detail = await callApi("GET", `/api/v1/projects/${projectId}/items/${keys.open}`, { token: secret });
    expect(detail.body).toMatchObject({ ownerEmail: null, ownerName: null });
    const report = await callApi("GET", `/api/v1/projects/${projectId}/report`, { token: secret });
    expect(JSON.stringify(report.body)).not.toContain(engineer.name);
  });
});
