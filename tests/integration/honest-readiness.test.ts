// Numbers that never overstate: the evidence policy holds after evidence is
// removed, priorities are raised or the policy is tightened; rows nobody
// prioritised cap the level; unknown effort is admitted. Each case is checked
// where people read it: the project page, the report and its exports, the
// portfolio and the REST API.
import { describe, expect, it } from "vitest";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import { reportCsv } from "@/lib/domain/report/csv";
import { forecastSentence } from "@/lib/domain/history/forecast";
import { db } from "@/lib/server/kernel/db";
import { loadPortfolio } from "@/lib/server/read-models/portfolio";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { addCheck } from "@/lib/server/services/checks";
import { addEvidence, removeEvidence } from "@/lib/server/services/evidence";
import { importChecklist } from "@/lib/server/services/import";
import { updateItem } from "@/lib/server/services/items";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { createProject, updateProjectSettings } from "@/lib/server/services/projects";
import { createItem } from "@/lib/server/services/items";
import { portfolioQuery } from "@/lib/schemas/project";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { daysFromNow, failure, itemByKey } from "../support/readiness";

const DAY = 86_400_000;

// A blank project with one category and the given items, all prioritised.
async function projectWith(lead: Parameters<typeof createProject>[0], items: { title: string; priority: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW"; effortHours?: number }[]) {
  const { projectId } = await createProject(lead, { name: "Payments", source: "blank" });
  const category = await db.category.create({ data: { teamId: lead.teamId, projectId, name: "Security", position: 0 } });
  const keys: string[] = [];
  for (const item of items) keys.push((await createItem(lead, { categoryId: category.id, title: item.title, priority: item.priority, effortHours: item.effortHours ?? null })).key);
  return { projectId, keys };
}

async function setDone(actor: Parameters<typeof updateItem>[0], projectId: string, key: string) {
  const item = await itemByKey(projectId, key);
  return updateItem(actor, { itemId: item.id, version: item.version, changes: { status: "DONE" } });
}

// Everything a reader of the project sees, for one item key.
async function everywhere(actor: Parameters<typeof loadProjectPage>[0], projectId: string, key: string, admin: Parameters<typeof tokenFor>[0]) {
  const page = await loadProjectPage(actor, projectId);
  const report = await loadProjectReport(actor, projectId);
  const { secret } = await tokenFor(admin, "read");
  const api = await callApi("GET", `/api/v1/projects/${projectId}`, { token: secret });
  const apiItem = await callApi("GET", `/api/v1/projects/${projectId}/items/${key}`, { token: secret });
  const [portfolio] = (await loadPortfolio(actor, portfolioQuery.parse({}))).projects;
  return {
    page,
    report,
    pageStanding: page.items.find((i) => i.key === key)?.standing,
    reportStanding: report.categories.flatMap((c) => c.items).find((i) => i.key === key)?.standing,
    markdown: reportMarkdown(report),
    csv: reportCsv(report),
    api: api.body,
    apiStanding: apiItem.body.standing,
    portfolio: portfolio.readiness,
  };
}

describe("an automated check that has not given its verdict yet", () => {
  it("keeps a done critical item from counting as done, everywhere, unless it is waived", async () => {
    const { actors: [admin, lead, otherLead, engineer] } = await teamWith(["ADMIN", "LEAD", "LEAD", "ENGINEER"]);
    const { projectId, keys: [tls, docs] } = await projectWith(lead, [
      { title: "TLS everywhere", priority: "CRITICAL", effortHours: 4 },
      { title: "Runbook", priority: "LOW", effortHours: 2 },
    ]);
    const item = await itemByKey(projectId, tls);
    await addEvidence(engineer, { itemId: item.id, kind: "PULL_REQUEST", target: "https://git.example.com/pay/pull/7" });
    await setDone(engineer, projectId, tls);
    await setDone(engineer, projectId, docs);
    expect((await everywhere(engineer, projectId, tls, admin)).page.readiness).toMatchObject({ percent: 100, level: 3 });

    await addCheck(lead, { itemId: item.id, settings: { kind: "tls", host: "pay.example.com" } });
    const after = await everywhere(engineer, projectId, tls, admin);
    for (const standing of [after.pageStanding, after.reportStanding, after.apiStanding]) expect(standing).toBe("NOT_EVALUATED");
    // Critical weight 4 at no credit, low weight 1 done: 1 of 5; a launch blocker, its whole effort left.
    expect(after.page.readiness).toMatchObject({ percent: 20, level: 0, launchBlockers: 1, remainingEffortHours: 4 });
    expect(after.report.summary).toMatchObject({ readinessPercent: 20, level: 0, launchBlockers: 1 });
    expect(after.report.summary.counts.NOT_EVALUATED).toBe(1);
    expect(after.api.summary).toMatchObject({ readinessPercent: 20, level: 0, counts: expect.objectContaining({ NOT_EVALUATED: 1 }) });
    expect(after.portfolio).toEqual(after.page.readiness);
    expect(after.page.blockers.map((b) => b.key)).toEqual([tls]);
    expect((await loadPortfolioReport(lead)).projects[0].blockers.map((b) => b.key)).toEqual([tls]);
    expect(after.markdown).toContain("○ Not evaluated yet");
    expect(after.markdown).toMatch(/\| Done \| Waived \| Partial \| Needs evidence \| Stale \| Not evaluated yet \| Missing \| N\/A \| Total \|/);
    expect(after.csv).toContain(",DONE,NOT_EVALUATED,");
    expect(after.page.matrix[0].counts.NOT_EVALUATED).toBe(1);

    // A waiver still wins.
    const { waiverId } = await requestWaiver(engineer, { itemId: item.id, reason: "Certificate checked by hand for the beta", expiresAt: daysFromNow(30) });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });
    const waived = await everywhere(engineer, projectId, tls, admin);
    expect([waived.pageStanding, waived.reportStanding, waived.apiStanding]).toEqual(["WAIVED", "WAIVED", "WAIVED"]);
    expect(waived.page.readiness).toMatchObject({ percent: 100, launchBlockers: 0 });
    expect(waived.portfolio).toEqual(waived.page.readiness);
  });
});

describe("the evidence policy cannot be side-stepped", () => {
  it("counts a done critical item whose only evidence an engineer removed as needing evidence, everywhere", async () => {
    const { teamId, actors: [admin, lead, engineer] } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
    const { projectId, keys: [tls, docs] } = await projectWith(lead, [
      { title: "TLS everywhere", priority: "CRITICAL", effortHours: 4 },
      { title: "Runbook", priority: "LOW", effortHours: 2 },
    ]);
    const item = await itemByKey(projectId, tls);
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "PULL_REQUEST", target: "https://git.example.com/pay/pull/7" });
    await setDone(engineer, projectId, tls);
    await setDone(engineer, projectId, docs);
    const before = await everywhere(engineer, projectId, tls, admin);
    expect(before.page.readiness).toMatchObject({ percent: 100, level: 3 });

    const removal = await removeEvidence(engineer, { evidenceId });
    expect(removal).toMatchObject({ standingBefore: "DONE", standingAfter: "NEEDS_EVIDENCE", statusAfter: "DONE" });

    const after = await everywhere(engineer, projectId, tls, admin);
    for (const standing of [after.pageStanding, after.reportStanding, after.apiStanding]) expect(standing).toBe("NEEDS_EVIDENCE");
    // Critical weight 4 at half credit, low weight 1 done: 3 of 5.
    expect(after.page.readiness).toMatchObject({ percent: 60, level: 0, launchBlockers: 1 });
    expect(after.report.summary).toMatchObject({ readinessPercent: 60, level: 0, launchBlockers: 1 });
    expect(after.report.summary.counts.NEEDS_EVIDENCE).toBe(1);
    expect(after.api.summary.counts.NEEDS_EVIDENCE).toBe(1);
    expect(after.api.summary).toMatchObject({ readinessPercent: 60, level: 0 });
    expect(after.portfolio).toMatchObject({ percent: 60, level: 0 });
    expect(after.page.blockers.map((b) => b.key)).toEqual([tls]);
    expect(after.markdown).toContain("◐ Needs evidence");
    expect(after.csv).toContain(",DONE,NEEDS_EVIDENCE,");
    expect(after.page.matrix[0].glyph).toBe("◐");

    const [removed] = await activitiesOf(teamId, "evidence.removed");
    expect(removed).toMatchObject({ before: { standing: "DONE" }, after: { standing: "NEEDS_EVIDENCE" } });
  });

  it("does not let deleting expired evidence re-verify a stale item: it becomes partial", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const { projectId, keys: [runbook] } = await projectWith(lead, [{ title: "Runbook", priority: "HIGH", effortHours: 2 }]);
    const item = await itemByKey(projectId, runbook);
    const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "DOCUMENT", target: "https://wiki.example.com/runbook" });
    await setDone(engineer, projectId, runbook);
    // The evidence lapses.
    await db.evidence.update({ where: { id: evidenceId }, data: { expiresAt: new Date(Date.now() - DAY) } });
    const stale = await loadProjectPage(engineer, projectId);
    expect(stale.items[0].standing).toBe("STALE");

    const removal = await removeEvidence(engineer, { evidenceId });
    expect(removal).toMatchObject({ standingBefore: "STALE", standingAfter: "PARTIAL", statusAfter: "PARTIAL" });
    const after = await loadProjectPage(engineer, projectId);
    expect(after.items[0]).toMatchObject({ status: "PARTIAL", standing: "PARTIAL", version: item.version + 2 });
    expect(after.readiness.percent).toBe(stale.readiness.percent);
    const [update] = await activitiesOf(teamId, "item.updated").then((rows) => rows.filter((row) => (row.after as { status?: string }).status === "PARTIAL"));
    expect(update).toMatchObject({ before: { status: "DONE" }, after: { status: "PARTIAL" } });
  });

  it("does not let deleted evidence come back as done when a waiver ends or the priority drops", async () => {
    const { actors: [admin, lead, otherLead, engineer] } = await teamWith(["ADMIN", "LEAD", "LEAD", "ENGINEER"]);
    const { projectId, keys: [https, headers] } = await projectWith(lead, [
      { title: "HTTPS", priority: "CRITICAL" },
      { title: "Security headers", priority: "MEDIUM" },
    ]);
    const dated = async (key: string) => {
      const item = await itemByKey(projectId, key);
      const { evidenceId } = await addEvidence(engineer, { itemId: item.id, kind: "CI_RUN", target: `https://ci.example.com/${key}`, expiresAt: daysFromNow(30) });
      await setDone(engineer, projectId, key);
      await db.evidence.update({ where: { id: evidenceId }, data: { expiresAt: new Date(Date.now() - DAY) } });
      return evidenceId;
    };
    const standing = async (key: string) => (await loadProjectPage(lead, projectId)).items.find((i) => i.key === key)?.standing;

    // Through the API: the expired evidence of a stale critical item is
    // deleted, then a lead lowers its priority below the policy's reach.
    const httpsEvidence = await dated(https);
    expect(await standing(https)).toBe("STALE");
    const { secret } = await tokenFor(admin, "write");
    expect((await callApi("DELETE", `/api/v1/projects/${projectId}/items/${https}/evidence/${httpsEvidence}`, { token: secret })).status).toBe(204);
    const patched = await callApi("PATCH", `/api/v1/projects/${projectId}/items/${https}`, { token: secret, body: { priority: "MEDIUM", version: (await itemByKey(projectId, https)).version } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ standing: "PARTIAL", status: "PARTIAL" });

    // With a waiver: the waiver still counts while it lasts, and the item is partial once it ends.
    const headersEvidence = await dated(headers);
    const item = await itemByKey(projectId, headers);
    const { waiverId } = await requestWaiver(engineer, { itemId: item.id, reason: "Scanner replaced next sprint", expiresAt: daysFromNow(20) });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE", note: "" });
    expect(await standing(headers)).toBe("WAIVED");
    expect(await removeEvidence(engineer, { evidenceId: headersEvidence })).toMatchObject({ standingBefore: "WAIVED", standingAfter: "WAIVED", statusAfter: "PARTIAL" });
    await db.waiver.update({ where: { id: waiverId }, data: { expiresAt: new Date(Date.now() - DAY) } });
    expect(await standing(headers)).toBe("PARTIAL");
  });

  it("shows a done item without evidence as needing evidence once a lead raises it to critical", async () => {
    const { actors: [admin, lead, engineer] } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
    const { projectId, keys: [backups] } = await projectWith(lead, [{ title: "Backups", priority: "MEDIUM" }]);
    await setDone(engineer, projectId, backups);
    expect((await loadProjectPage(lead, projectId)).readiness).toMatchObject({ percent: 100, level: 3 });
    const item = await itemByKey(projectId, backups);
    const updated = await updateItem(lead, { itemId: item.id, version: item.version, changes: { priority: "CRITICAL" } });
    expect(updated).toMatchObject({ standing: "NEEDS_EVIDENCE", evidenceRequired: true });
    const after = await everywhere(lead, projectId, backups, admin);
    expect(after.page.readiness).toMatchObject({ percent: 50, level: 0, launchBlockers: 1 });
    expect(after.apiStanding).toBe("NEEDS_EVIDENCE");
  });

  it("holds a tightened policy against items marked done before it", async () => {
    const { actors: [admin, lead, engineer] } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
    const { projectId, keys } = await projectWith(lead, [
      { title: "Alerts", priority: "HIGH" },
      { title: "Dashboards", priority: "LOW" },
    ]);
    for (const key of keys) await setDone(engineer, projectId, key);
    await updateProjectSettings(lead, { projectId, evidencePolicy: "ALL", weightCritical: 4, weightHigh: 3, weightMedium: 2, weightLow: 1 });
    const after = await everywhere(lead, projectId, keys[0], admin);
    expect(after.page.readiness.counts.NEEDS_EVIDENCE).toBe(2);
    expect(after.page.readiness).toMatchObject({ percent: 50, level: 1 });
    expect(after.api.summary.counts.NEEDS_EVIDENCE).toBe(2);
    expect(after.report.summary.counts.NEEDS_EVIDENCE).toBe(2);
    // Evidence restores it.
    await addEvidence(engineer, { itemId: (await itemByKey(projectId, keys[0])).id, kind: "LINK", target: "https://grafana.example.com/d/alerts" });
    expect((await loadProjectPage(lead, projectId)).items.find((i) => i.key === keys[0])?.standing).toBe("DONE");
  });
});

// An imported gap analysis that states statuses but no priorities, and no
// estimates: it used to read "Level 2 — Launch ready, 0 h remaining".
const GAP_ANALYSIS = `# Payments gap analysis

## Security

| Item | Status |
| --- | --- |
| TLS everywhere | ✅ Done |
| Secrets in a vault | ❌ Missing |
| Rate limiting | ⚠️ In progress |

## Operations

| Item | Status |
| --- | --- |
| On-call rota | ✅ Done |
`;

describe("work nobody has weighed", () => {
  it("imports rows without a priority as needing triage, claims no level for them and admits the unknown effort", async () => {
    const { actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    const { projectId } = await importChecklist(lead, { text: GAP_ANALYSIS, name: "Payments", fileName: "gaps.md" });
    const items = await db.item.findMany({ where: { projectId } });
    expect(items.map((i) => i.priority)).toEqual([null, null, null, null]);

    const page = await loadProjectPage(lead, projectId);
    expect(page.readiness).toMatchObject({ level: 0, needsTriage: 4, unestimatedItems: 2, openItems: 2, remainingEffortHours: 0 });
    expect(page.readiness.nextLevel).toMatchObject({ level: 1, needsTriage: 4 });
    const report = await loadProjectReport(lead, projectId);
    expect(report.summary).toMatchObject({ level: 0, needsTriage: 4, unestimatedItems: 2 });
    expect(report.forecast.state).not.toBe("done");
    const markdown = reportMarkdown(report);
    expect(markdown).toContain("**4 items need triage**");
    expect(markdown).toContain("at least 0 h, 2 open items not estimated");
    expect(markdown).not.toContain("Launch ready");
    expect(forecastSentence(report.forecast, null)).toContain("2 open items have no effort estimate");

    const { secret } = await tokenFor(admin, "read");
    const api = await callApi("GET", `/api/v1/projects/${projectId}`, { token: secret });
    expect(api.body.summary).toMatchObject({ level: 0, needsTriage: 4, unestimatedItems: 2, openItems: 2 });
    const untriaged = await callApi("GET", `/api/v1/projects/${projectId}/items?priority=NONE`, { token: secret });
    expect(untriaged.body.data).toHaveLength(4);
    expect(untriaged.body.data[0].priority).toBeNull();
    const portfolio = await loadPortfolioReport(lead);
    expect(portfolio.projects[0]).toMatchObject({ level: 0, needsTriage: 4, unestimatedItems: 2 });

    // Triage lifts the cap as far as the triaged items reach, and no further while any remain.
    const byTitle = (title: string) => items.find((i) => i.title === title)!;
    for (const [title, priority] of [["TLS everywhere", "HIGH"], ["On-call rota", "HIGH"]] as const) {
      await updateItem(lead, { itemId: byTitle(title).id, version: byTitle(title).version, changes: { priority } });
    }
    expect((await loadProjectPage(lead, projectId)).readiness).toMatchObject({ level: 1, needsTriage: 2 });
    for (const title of ["Secrets in a vault", "Rate limiting"]) {
      const item = await db.item.findUniqueOrThrow({ where: { id: byTitle(title).id } });
      await updateItem(lead, { itemId: item.id, version: item.version, changes: { priority: "LOW", effortHours: 3 } });
    }
    const triaged = (await loadProjectPage(lead, projectId)).readiness;
    expect(triaged).toMatchObject({ level: 2, needsTriage: 0, unestimatedItems: 0, remainingEffortHours: 4.5 });
  });

  it("never sets a weighed item back to needing triage", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const { projectId, keys: [key] } = await projectWith(lead, [{ title: "Audit log", priority: "CRITICAL" }]);
    const item = await itemByKey(projectId, key);
    const refused = await failure(updateItem(lead, { itemId: item.id, version: item.version, changes: { priority: null } }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fields?.["changes.priority"]).toBeDefined();
    expect((await itemByKey(projectId, key)).priority).toBe("CRITICAL");
  });
});
