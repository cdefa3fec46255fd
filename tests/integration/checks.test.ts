import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { portfolioQuery } from "@/lib/schemas/project";
import { loadPortfolio } from "@/lib/server/read-models/portfolio";
import { addCheck, listChecks, removeCheck, reportCheckResult, runCheckNow } from "@/lib/server/services/checks";
import { updateItem } from "@/lib/server/services/items";
import { deleteItem } from "@/lib/server/services/items";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { loopbackAllowed, nothingAllowed, startHttpServer, type Listening } from "../support/check-targets";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, failure, itemByKey } from "../support/readiness";
import type http from "node:http";

// Checks against a real HTTP server on loopback whose answer each test sets,
// and the real database: what a run does to the check, the item, its
// evidence and the activity log.

let answer = 200;
let target: Listening<http.Server>;
const healthUrl = () => `http://127.0.0.1:${target.port}/health`;
// Loopback is refused unless allowed; the tests allow it, as an operator would.
const allowLoopback = { context: { network: loopbackAllowed } };

beforeAll(async () => {
  target = await startHttpServer((_request, response) => {
    response.writeHead(answer, { "content-type": "text/plain" });
    response.end(answer < 400 ? "ok" : "down");
  });
});
afterAll(() => target.close());

async function monitoredItem(roles: Parameters<typeof teamWith>[0] = ["LEAD", "ENGINEER", "VIEWER"]) {
  const team = await teamWith(roles);
  const projectId = await catalogueProject(team.actors[0], ["monitoring"]);
  const item = await itemByKey(projectId, "monitoring.uptime");
  return { ...team, projectId, item };
}

const evidenceOf = (itemId: string) => db.evidence.findMany({ where: { itemId, kind: "CHECK_RESULT" } });

describe("running a check", () => {
  it("makes the item Done on a pass, with the result as evidence that lapses after the next result is due", async () => {
    answer = 200;
    const { teamId, projectId, item, actors: [lead, engineer] } = await monitoredItem();
    const check = await addCheck(lead, { projectId, key: item.key, kind: "http", settings: { url: healthUrl() }, intervalMinutes: 30 });
    expect(check).toMatchObject({ state: "PENDING", kind: "http", itemKey: item.key, intervalMinutes: 30, failuresBeforeFailing: 2, failingStatus: "MISSING", lastRunAt: null });
    // Before its first result the check changes nothing: "not evaluated yet".
    expect((await itemByKey(projectId, item.key)).status).toBe("MISSING");

    const before = Date.now();
    const run = await runCheckNow(engineer, { checkId: check.id }, allowLoopback);
    expect(run.result).toMatchObject({ passed: true, summary: expect.stringContaining("200") });
    expect(run.check).toMatchObject({ state: "PASSING", consecutiveFailures: 0, lastSummary: run.result.summary, failingSince: null });
    expect(run.itemStatus).toBe("DONE");

    const stored = await itemByKey(projectId, item.key);
    expect(stored).toMatchObject({ status: "DONE", version: item.version + 1, updatedById: null, updatedByLabel: "Shipshape (checks)" });
    const [evidence, ...more] = await evidenceOf(item.id);
    expect(more).toEqual([]);
    expect(evidence).toMatchObject({ label: run.result.summary, checkId: check.id, addedById: null, addedByLabel: "Shipshape (checks)" });
    // Due again in 30 minutes, plus 30 minutes of grace.
    const lasts = evidence.expiresAt!.getTime() - before;
    expect(lasts).toBeGreaterThanOrEqual(60 * 60_000);
    expect(lasts).toBeLessThan(61 * 60_000);

    const page = await loadProjectPage(engineer, projectId);
    expect(page.items.find((i) => i.id === item.id)?.standing).toBe("DONE");
    // A check that stops running leaves the item stale, by the usual rules.
    const later = await loadProjectPage(engineer, projectId, new Date(Date.now() + 2 * 3_600_000));
    expect(later.items.find((i) => i.id === item.id)?.standing).toBe("STALE");

    const [passed] = await activitiesOf(teamId, "check.passed");
    expect(passed).toMatchObject({ actorUserId: null, actorLabel: "Shipshape (checks)", entityId: check.id, itemId: item.id, projectId });
    expect(passed.after).toMatchObject({ state: "PASSING", summary: run.result.summary });
    const updates = (await activitiesOf(teamId, "item.updated")).filter((entry) => entry.itemId === item.id);
    expect(updates.map((entry) => [entry.actorLabel, entry.before, entry.after])).toEqual([
      ["Shipshape (checks)", { status: "MISSING", version: item.version }, { status: "DONE", version: item.version + 1 }],
    ]);
    expect(await activitiesOf(teamId, "check.added")).toHaveLength(1);
  });

  it("keeps the item Done after one failure and fails it after the second in a row, then recovers", async () => {
    answer = 200;
    const { teamId, projectId, item, actors: [lead, engineer] } = await monitoredItem();
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "http", url: healthUrl() } });
    await runCheckNow(engineer, { checkId }, allowLoopback);

    answer = 503;
    const first = await runCheckNow(engineer, { checkId }, allowLoopback);
    expect(first.result).toMatchObject({ passed: false, summary: expect.stringContaining("503") });
    expect(first.check).toMatchObject({ state: "PASSING", consecutiveFailures: 1, failingSince: first.result.ranAt });
    expect(first.itemStatus).toBe("DONE");
    expect((await itemByKey(projectId, item.key)).status).toBe("DONE");
    // The evidence is replaced by the latest result, not piled up.
    expect((await evidenceOf(item.id)).map((e) => e.label)).toEqual([first.result.summary]);
    expect(await activitiesOf(teamId, "check.failed")).toEqual([]);

    const second = await runCheckNow(engineer, { checkId }, allowLoopback);
    expect(second.check).toMatchObject({ state: "FAILING", consecutiveFailures: 2, failingSince: first.result.ranAt });
    expect(second.itemStatus).toBe("MISSING");
    expect((await itemByKey(projectId, item.key)).status).toBe("MISSING");
    const [failed] = await activitiesOf(teamId, "check.failed");
    expect(failed).toMatchObject({ actorUserId: null, actorLabel: "Shipshape (checks)", before: { state: "PASSING" } });
    expect(failed.after).toMatchObject({ state: "FAILING", consecutiveFailures: 2 });

    answer = 200;
    const recovered = await runCheckNow(engineer, { checkId }, allowLoopback);
    expect(recovered.check).toMatchObject({ state: "PASSING", consecutiveFailures: 0, failingSince: null });
    expect((await itemByKey(projectId, item.key)).status).toBe("DONE");
    expect(await db.checkResult.count({ where: { checkId } })).toBe(4);
  });

  it("gives the item the check's failing status, and leaves an item marked Not applicable alone", async () => {
    answer = 500;
    const { projectId, item, actors: [lead] } = await monitoredItem(["LEAD"]);
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "http", url: healthUrl() }, failuresBeforeFailing: 1, failingStatus: "PARTIAL" });
    expect((await runCheckNow(lead, { checkId }, allowLoopback)).itemStatus).toBe("PARTIAL");

    await db.item.update({ where: { id: item.id }, data: { status: "NOT_APPLICABLE", notApplicableReason: "No public endpoint" } });
    answer = 200;
    const run = await runCheckNow(lead, { checkId }, allowLoopback);
    expect(run.check.state).toBe("PASSING");
    expect((await itemByKey(projectId, item.key)).status).toBe("NOT_APPLICABLE");
  });

  it("leaves a waiver in force: the failing item still counts as waived", async () => {
    answer = 503;
    const { projectId, item, actors: [lead, otherLead, engineer] } = await monitoredItem(["LEAD", "LEAD", "ENGINEER"]);
    const { waiverId } = await requestWaiver(engineer, { itemId: item.id, reason: "Uptime is the provider's for the beta", expiresAt: daysFromNow(30) });
    await decideWaiver(otherLead, { waiverId, decision: "APPROVE" });
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "http", url: healthUrl() }, failuresBeforeFailing: 1 });
    expect((await runCheckNow(lead, { checkId }, allowLoopback)).check.state).toBe("FAILING");
    const page = await loadProjectPage(lead, projectId);
    expect(page.items.find((i) => i.id === item.id)?.standing).toBe("WAIVED");
  });

  it("fails a check whose stored settings this version refuses, with the reason, rather than erroring", async () => {
    answer = 200;
    const { item, actors: [lead, engineer] } = await monitoredItem();
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "http", url: healthUrl() }, failuresBeforeFailing: 1 });
    // As stored by an earlier version that took a password in the address.
    await db.check.update({ where: { id: checkId }, data: { settings: { kind: "http", url: healthUrl().replace("http://", "http://ops:hunter2@") } } });
    const run = await runCheckNow(engineer, { checkId }, allowLoopback);
    expect(run.result).toMatchObject({ passed: false, summary: expect.stringMatching(/^This check's settings are no longer accepted \(url: Leave the user name and password out/) });
    expect(run.check.state).toBe("FAILING");
  });

  it("reports a refused address as a failed result, not an error", async () => {
    answer = 200;
    const { item, actors: [lead] } = await monitoredItem(["LEAD"]);
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "http", url: healthUrl() } });
    const run = await runCheckNow(lead, { checkId }, { context: { network: nothingAllowed } });
    expect(run.result).toMatchObject({ passed: false, summary: expect.stringMatching(/^refused: .*127\.0\.0\.1/) });
    expect(run.check).toMatchObject({ state: "PENDING", consecutiveFailures: 1 });
  });
});

describe("who may do what with checks", () => {
  it("lets leads add and remove checks, people who work items and write tokens run them, and refuses the rest", async () => {
    answer = 200;
    const { teamId, projectId, item, actors: [lead, engineer, viewer] } = await monitoredItem();
    const settings = { kind: "http", url: healthUrl() };
    expect(await code(addCheck(engineer, { itemId: item.id, settings }))).toBe("FORBIDDEN");
    expect(await code(addCheck(viewer, { itemId: item.id, settings }))).toBe("FORBIDDEN");
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings });
    expect(await code(runCheckNow(viewer, { checkId }, allowLoopback))).toBe("FORBIDDEN");
    expect(await code(removeCheck(engineer, { checkId }))).toBe("FORBIDDEN");

    const token = (scope: "read" | "write"): TokenActor => ({ kind: "token", scope, tokenId: `t-${scope}`, name: "CI", teamId, timeZone: "UTC" });
    expect((await failure(runCheckNow(token("read"), { checkId }, allowLoopback))).message).toMatch(/only read/);
    expect((await runCheckNow(token("write"), { checkId }, allowLoopback)).result.passed).toBe(true);
    // Viewers and read tokens see the checks.
    expect((await listChecks(viewer, { projectId })).map((check) => check.id)).toEqual([checkId]);
    expect((await listChecks(token("read"), { projectId, itemKey: item.key })).map((check) => check.id)).toEqual([checkId]);
    expect(await listChecks(viewer, { projectId, itemKey: "monitoring.alerting" })).toEqual([]);
    expect(await code(listChecks(viewer, { projectId, itemKey: "monitoring.no-such-item" }))).toBe("NOT_FOUND");

    // Another team learns nothing: every id is unknown there.
    const { actors: [outsider] } = await teamWith(["ADMIN"]);
    expect(await code(addCheck(outsider, { itemId: item.id, settings }))).toBe("NOT_FOUND");
    expect(await code(addCheck(outsider, { projectId, key: item.key, settings }))).toBe("NOT_FOUND");
    expect(await code(runCheckNow(outsider, { checkId }, allowLoopback))).toBe("NOT_FOUND");
    expect(await code(removeCheck(outsider, { checkId }))).toBe("NOT_FOUND");
    expect(await code(listChecks(outsider, { projectId }))).toBe("NOT_FOUND");

    await removeCheck(lead, { checkId });
    expect(await listChecks(lead, { projectId })).toEqual([]);
    expect(await activitiesOf(teamId, "check.removed")).toHaveLength(1);
    // The last result still vouches for the item until it expires.
    expect((await evidenceOf(item.id)).map((e) => e.checkId)).toEqual([null]);
  });

  it("shows views, never rows", async () => {
    const { projectId, item, actors: [lead] } = await monitoredItem(["LEAD"]);
    await addCheck(lead, { itemId: item.id, settings: { kind: "tls", host: "app.example.com" } });
    const [view] = await listChecks(lead, { projectId });
    expect(Object.keys(view).sort()).toEqual(
      [
        "id", "projectId", "itemId", "itemKey", "itemTitle", "kind", "settings", "intervalMinutes", "failuresBeforeFailing", "failingStatus", "state",
        "consecutiveFailures", "lastRunAt", "nextRunAt", "failingSince", "lastSummary", "createdByName", "createdAt",
      ].sort(),
    );
    // Settings are stored parsed, defaults filled in.
    expect(view.settings).toEqual({ kind: "tls", host: "app.example.com", port: 443, minDaysLeft: 21, minProtocol: "TLSv1.2", timeoutMs: 10_000 });
    expect(view.createdByName).toBe(lead.name);
  });
});

describe("adding a check", () => {
  it("refuses bad settings field by field and writes nothing", async () => {
    const { teamId, item, actors: [lead] } = await monitoredItem(["LEAD"]);
    const fields = async (input: Record<string, unknown>) => (await failure(addCheck(lead, { itemId: item.id, ...input }))).fields;
    expect(await fields({ kind: "http", settings: { url: "ftp://example.com/" } })).toHaveProperty(["settings.url"]);
    expect(await fields({ settings: { kind: "http", url: "https://example.com/", method: "HEAD", bodyContains: "ok" } })).toHaveProperty(["settings.method"]);
    expect(await fields({ settings: { kind: "smtp" } })).toHaveProperty(["settings.kind"]);
    expect(await fields({ kind: "tls", settings: { kind: "http", url: "https://example.com/" } })).toHaveProperty(["kind"]);
    expect(await fields({ settings: { kind: "http", url: "https://example.com/" }, intervalMinutes: 2 })).toHaveProperty(["intervalMinutes"]);
    expect(await fields({ settings: { kind: "http", url: "https://example.com/" }, failuresBeforeFailing: 11 })).toHaveProperty(["failuresBeforeFailing"]);
    expect(await fields({ settings: { kind: "http", url: "https://example.com/" }, failingStatus: "DONE" })).toHaveProperty(["failingStatus"]);
    expect(await db.check.count({ where: { teamId } })).toBe(0);
    expect(await activitiesOf(teamId, "check.added")).toEqual([]);
  });

  it("refuses the same check twice on one item, even sent at once, and takes the same target with other settings", async () => {
    const { teamId, projectId, item, actors: [lead] } = await monitoredItem(["LEAD"]);
    const settings = { kind: "http", url: "https://app.example.com/health" };
    // Sent twice at once, as a double submit or two tabs would: one is added.
    const [first, second] = await Promise.allSettled([addCheck(lead, { itemId: item.id, settings }), addCheck(lead, { projectId, key: item.key, kind: "http", settings: { url: settings.url, method: "GET" } })]);
    const added = [first, second].filter((outcome) => outcome.status === "fulfilled");
    expect(added).toHaveLength(1);
    const refused = [first, second].find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: "This item already has this check. Change a setting to add another, or re-check the one it has." });
    // The defaults filled in count as the same settings; another expectation is another check.
    expect(await code(addCheck(lead, { itemId: item.id, settings: { ...settings, expectedStatus: { min: 200, max: 399 } } }))).toBe("CONFLICT");
    await addCheck(lead, { itemId: item.id, settings: { ...settings, bodyContains: "ok" } });
    expect(await db.check.count({ where: { teamId } })).toBe(2);
    expect(await activitiesOf(teamId, "check.added")).toHaveLength(2);
  });

  it("refuses an address with a password, which every reader of the project would see", async () => {
    const { teamId, item, actors: [lead] } = await monitoredItem(["LEAD"]);
    const refused = await failure(addCheck(lead, { itemId: item.id, settings: { kind: "http", url: "https://ops:hunter2@app.example.com/health" } }));
    expect(refused.fields).toEqual({ "settings.url": ["Leave the user name and password out of the address; a private repository takes a stored read token instead."] });
    expect(await db.check.count({ where: { teamId } })).toBe(0);
  });

  it("goes with its item", async () => {
    const { item, actors: [lead] } = await monitoredItem(["LEAD"]);
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "dns", name: "example.com", type: "A" } });
    await deleteItem(lead, { itemId: item.id });
    expect(await db.check.findUnique({ where: { id: checkId } })).toBeNull();
  });
});

describe("an item whose check has not given its verdict yet", () => {
  it("counts as not done, on the page and in the portfolio's SQL tally alike, until the first result", async () => {
    const { projectId, item, actors: [lead] } = await monitoredItem(["LEAD"]);
    // Ticked Done by hand before any check was attached.
    await updateItem(lead, { itemId: item.id, version: item.version, changes: { priority: "HIGH", status: "DONE" } });
    const readiness = async () => (await loadProjectPage(lead, projectId)).readiness;
    const portfolioReadiness = async () => (await loadPortfolio(lead, portfolioQuery.parse({}))).projects.find((project) => project.id === projectId)?.readiness;
    const done = await readiness();

    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "reported", maxAgeDays: 7 } });
    const pending = await readiness();
    expect(pending.counts).toMatchObject({ NOT_EVALUATED: 1, DONE: done.counts.DONE - 1 });
    expect(pending.percent).toBeLessThan(done.percent);
    expect(pending.openItems).toBe(done.openItems + 1);
    expect(await portfolioReadiness()).toEqual(pending);
    const page = await loadProjectPage(lead, projectId);
    expect(page.items.find((i) => i.id === item.id)?.standing).toBe("NOT_EVALUATED");

    await reportCheckResult(lead, { checkId, passed: true });
    expect(await readiness()).toEqual(done);
    expect(await portfolioReadiness()).toEqual(done);
  });
});

describe("reported results", () => {
  const day = 86_400_000;

  it("are applied at once, and the item falls once the window passes without a new one", async () => {
    const { teamId, projectId, item, actors: [lead, engineer] } = await monitoredItem(["LEAD", "ENGINEER"]);
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "reported", maxAgeDays: 7 }, failuresBeforeFailing: 1 });
    const reported = await reportCheckResult(engineer, { checkId, projectId, passed: true, summary: "smoke tests green", url: "https://ci.example.com/r/1", details: { suite: "smoke" } });
    expect(reported).toMatchObject({ itemStatus: "DONE", check: { state: "PASSING" }, result: { passed: true, summary: expect.stringContaining("smoke tests green") } });
    expect(await db.checkReport.findMany({ where: { checkId } })).toEqual([
      expect.objectContaining({ passed: true, summary: "smoke tests green", url: "https://ci.example.com/r/1", details: { suite: "smoke" }, reportedById: engineer.userId, reportedByLabel: null }),
    ]);
    expect(await activitiesOf(teamId, "check.reported")).toHaveLength(1);
    expect((await activitiesOf(teamId, "check.passed"))[0]).toMatchObject({ actorLabel: "Shipshape (checks)" });

    // A run within the window repeats the report's verdict.
    const within = await runCheckNow(lead, { checkId }, { context: { now: () => new Date(Date.now() + 6 * day) } });
    expect(within).toMatchObject({ result: { passed: true }, itemStatus: "DONE" });
    // Past the window the scheduled run fails, and the item falls.
    const late = await runCheckNow(lead, { checkId }, { context: { now: () => new Date(Date.now() + 8 * day) } });
    expect(late.result).toMatchObject({ passed: false, summary: expect.stringMatching(/^last result reported 8 days ago .*more than 7 days$/) });
    expect(late).toMatchObject({ check: { state: "FAILING" }, itemStatus: "MISSING" });
    expect((await itemByKey(projectId, item.key)).status).toBe("MISSING");
  });

  it("are refused for other kinds, without check.run, in other projects and teams", async () => {
    const { teamId, projectId, item, actors: [lead, viewer] } = await monitoredItem(["LEAD", "VIEWER"]);
    const { id: httpId } = await addCheck(lead, { itemId: item.id, settings: { kind: "http", url: "https://app.example.com/health" } });
    const wrongKind = await failure(reportCheckResult(lead, { checkId: httpId, passed: true }));
    expect(wrongKind).toMatchObject({ code: "CONFLICT", details: { kind: "http" } });
    const { id: checkId } = await addCheck(lead, { itemId: item.id, settings: { kind: "reported", maxAgeDays: 1 } });
    expect(await code(reportCheckResult(viewer, { checkId, passed: true }))).toBe("FORBIDDEN");
    const readToken: TokenActor = { kind: "token", scope: "read", tokenId: "t-read", name: "CI", teamId, timeZone: "UTC" };
    expect(await code(reportCheckResult(readToken, { checkId, passed: true }))).toBe("FORBIDDEN");
    const writeToken: TokenActor = { ...readToken, scope: "write", tokenId: "t-write" };
    expect((await reportCheckResult(writeToken, { checkId, passed: false })).check.state).toBe("PENDING");
    const other = await catalogueProject(lead, ["testing"], "Elsewhere");
    expect(await code(reportCheckResult(lead, { checkId, projectId: other, passed: true }))).toBe("NOT_FOUND");
    const { actors: [outsider] } = await teamWith(["ADMIN"]);
    expect(await code(reportCheckResult(outsider, { checkId, passed: true }))).toBe("NOT_FOUND");
    expect((await failure(reportCheckResult(lead, { checkId, passed: true, url: "http://ci.example.com/" }))).fields).toHaveProperty(["url"]);
    // What jsonb cannot hold is a field error, not a failed insert.
    expect((await failure(reportCheckResult(lead, { checkId, passed: true, details: { log: ["a\u0000b"] } }))).fields).toHaveProperty(["details"]);
    expect((await failure(reportCheckResult(lead, { checkId, passed: true, details: { note: "\ud800" } }))).fields).toHaveProperty(["details"]);
    expect(await db.checkReport.count({ where: { checkId } })).toBe(1);
    expect(await db.checkReport.count({ where: { checkId: httpId } })).toBe(0);
    void projectId;
  });
});
