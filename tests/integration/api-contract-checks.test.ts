// The REST API's check endpoints, called as a client would, with each answer
// checked against the OpenAPI document (tests/support/api.ts). The runs here
// use "reported" checks and a loopback URL the default network policy
// refuses, so nothing leaves the machine; the runners' own behaviour is
// tests/integration/checks.test.ts's.
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiClient } from "@/lib/cli/api-client";
import { checkCommand } from "@/lib/cli/commands/check";
import { CliError } from "@/lib/cli/output";
import { db } from "@/lib/server/kernel/db";
import { callApi, documentedOperations, notExercised, tokenFor } from "../support/api";
import { contractWorld } from "../support/contract";
import { teamWith } from "../support/fixtures";
import { catalogueProject } from "../support/readiness";

let world: Awaited<ReturnType<typeof contractWorld>>;

beforeAll(async () => {
  world = await contractWorld();
});

const itemChecks = (key: string) => `/api/v1/projects/${world.projectId}/items/${key}/checks`;

describe("REST API contract: checks", () => {
  it("adds a check with the kind beside its settings, lists it and runs it", async () => {
    const added = await callApi("POST", itemChecks("security.headers"), {
      token: world.write,
      body: { kind: "reported", settings: { maxAgeDays: 7 }, intervalMinutes: 15, failuresBeforeFailing: 1 },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: "reported", itemKey: "security.headers", state: "PENDING", intervalMinutes: 15, failingStatus: "MISSING", createdBy: "API token “GitHub Actions”" });
    expect(added.body.settings).toEqual({ kind: "reported", maxAgeDays: 7 });

    const listed = await callApi("GET", itemChecks("security.headers"), { token: world.read });
    expect(listed.body.data.map((check: { id: string }) => check.id)).toEqual([added.body.id]);
    const all = await callApi("GET", `/api/v1/projects/${world.projectId}/checks`, { token: world.read });
    expect(all.body.data.map((check: { id: string }) => check.id)).toEqual([added.body.id]);

    // No report came yet: a failed result, answered 200, and the item falls at once (threshold 1).
    const run = await callApi("POST", `/api/v1/projects/${world.projectId}/checks/${added.body.id}/run`, { token: world.write });
    expect(run.status).toBe(200);
    expect(run.body.result).toMatchObject({ passed: false, summary: "no result reported yet (expected every 7 days)" });
    expect(run.body.check).toMatchObject({ state: "FAILING", consecutiveFailures: 1 });
    expect(run.body.itemStatus).toBe("MISSING");
  });

  it("runs an endpoint check under the server's network policy, which refuses loopback by default", async () => {
    const added = await callApi("POST", itemChecks("security.https"), { token: world.write, body: { settings: { kind: "http", url: "http://127.0.0.1:9/health" } } });
    const run = await callApi("POST", `/api/v1/projects/${world.projectId}/checks/${added.body.id}/run`, { token: world.write });
    expect(run.body.result.passed).toBe(false);
    expect(run.body.result.summary).toMatch(/^refused: /);
  });

  it("names the field of a bad setting, and refuses read tokens, other projects and unknown checks", async () => {
    const bad = await callApi("POST", itemChecks("security.headers"), { token: world.write, body: { kind: "http", settings: { url: "ftp://x.example/" } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["settings.url"]);
    const unknownField = await callApi("POST", itemChecks("security.headers"), { token: world.write, body: { kind: "dns", settings: { name: "example.com", type: "A" }, every: 5 } });
    expect(unknownField.status).toBe(400);

    const readOnly = await callApi("POST", itemChecks("security.headers"), { token: world.read, body: { kind: "reported", settings: { maxAgeDays: 7 } } });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.message).toMatch(/only read/);
    expect((await callApi("GET", itemChecks("security.no-such-item"), { token: world.read })).status).toBe(404);

    const [check] = await db.check.findMany({ where: { projectId: world.projectId }, take: 1 });
    expect((await callApi("POST", `/api/v1/projects/${world.projectId}/checks/${check.id}/run`, { token: world.read })).status).toBe(403);
    // The check exists, but not in the project the path names.
    const other = await catalogueProject(world.lead, ["testing"], "Other project");
    expect((await callApi("POST", `/api/v1/projects/${other}/checks/${check.id}/run`, { token: world.write })).status).toBe(404);
    expect((await callApi("POST", `/api/v1/projects/${world.projectId}/checks/nope/run`, { token: world.write })).status).toBe(404);

    // Another team's token learns nothing of this team's checks.
    const { actors: [admin] } = await teamWith(["ADMIN"], "Elsewhere");
    const foreign = await tokenFor(admin, "write");
    expect((await callApi("GET", `/api/v1/projects/${world.projectId}/checks`, { token: foreign.secret })).status).toBe(404);
    expect((await callApi("POST", `/api/v1/projects/${world.projectId}/checks/${check.id}/run`, { token: foreign.secret })).status).toBe(404);
  });
});

describe("REST API contract: removing a check", () => {
  it("removes a check with a write token, and refuses read tokens, other projects and other teams", async () => {
    const added = await callApi("POST", itemChecks("testing.unit"), { token: world.write, body: { kind: "reported", settings: { maxAgeDays: 3 } } });
    expect(added.status).toBe(201);
    const path = `/api/v1/projects/${world.projectId}/checks/${added.body.id}`;
    expect((await callApi("DELETE", path, { token: world.read })).status).toBe(403);
    const other = await catalogueProject(world.lead, ["testing"], "Elsewhere in the team");
    expect((await callApi("DELETE", `/api/v1/projects/${other}/checks/${added.body.id}`, { token: world.write })).status).toBe(404);
    const { actors: [admin] } = await teamWith(["ADMIN"], "Another team");
    expect((await callApi("DELETE", path, { token: (await tokenFor(admin, "write")).secret })).status).toBe(404);
    expect(await db.check.count({ where: { id: added.body.id } })).toBe(1);

    const removed = await callApi("DELETE", path, { token: world.write });
    expect(removed.status).toBe(204);
    expect(await db.check.count({ where: { id: added.body.id } })).toBe(0);
    const listed = await callApi("GET", itemChecks("testing.unit"), { token: world.read });
    expect(listed.body.data).toEqual([]);
    expect(await db.activity.count({ where: { action: "check.removed", entityId: added.body.id } })).toBe(1);
    expect((await callApi("DELETE", path, { token: world.write })).status).toBe(404);
  });
});

describe("REST API contract: check suggestions", () => {
  it("lists the catalogue's suggestions and sets chosen ones up, once", async () => {
    const { lead, write, read } = await contractWorld();
    const projectId = await catalogueProject(lead, ["security", "testing"], "Suggested checks");
    const path = `/api/v1/projects/${projectId}/check-suggestions`;
    const bare = await callApi("GET", path, { token: write });
    expect(bare.status).toBe(200);
    expect(bare.body.proposals).toEqual([]);
    expect(bare.body.missingUrls.map((missing: { field: string }) => missing.field)).toEqual(["productionUrl", "repositoryUrl"]);

    await db.project.update({ where: { id: projectId }, data: { productionUrl: "https://shop.example.com" } });
    const listed = await callApi("GET", path, { token: write });
    const tls = listed.body.proposals.find((proposal: { itemKey: string; kind: string }) => proposal.itemKey === "security.https" && proposal.kind === "tls");
    expect(tls).toMatchObject({ id: "security.https:0", target: "shop.example.com:443", alreadyExists: false });

    const accepted = await callApi("POST", path, { token: write, body: { proposals: [tls.id], intervalMinutes: 30 } });
    expect(accepted.status).toBe(201);
    expect(accepted.body.added).toHaveLength(1);
    expect(accepted.body.added[0]).toMatchObject({ itemKey: "security.https", kind: "tls", intervalMinutes: 30, createdBy: "API token “GitHub Actions”" });
    const again = await callApi("POST", path, { token: write, body: { proposals: [tls.id] } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: [], skipped: [{ id: tls.id, itemKey: "security.https" }] });

    const stale = await callApi("POST", path, { token: write, body: { proposals: ["security.https:9"] } });
    expect(stale.status).toBe(400);
    expect(Object.keys(stale.body.error.fields)).toEqual(["proposals.0"]);
    expect((await callApi("POST", path, { token: write, body: { proposals: "all" } })).status).toBe(400);
    expect((await callApi("GET", path, { token: read })).status).toBe(403);
    expect((await callApi("POST", path, { token: read, body: { proposals: [0] } })).status).toBe(403);
  });
});

// The CLI's client, answering through the route handlers in-process: errors
// become CliErrors as the real client makes them.
const inProcess = (token: string): ApiClient => async (method, path, body) => {
  const answer = await callApi(method as "GET" | "POST", path, { token, body });
  if (answer.status >= 400) throw new CliError(answer.body.error);
  return { status: answer.status, data: answer.body };
};

describe("shipshape check run", () => {
  it("runs every check of the project, prints each result and fails when one failed", async () => {
    const { lead, write, read } = await contractWorld();
    const projectId = await catalogueProject(lead, ["testing"], "CLI project");
    const printed: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((text) => (printed.push(String(text)), true));
    try {
      await checkCommand("run", { project: projectId }, { json: false }, inProcess(write));
      expect(printed.join("")).toBe("No checks on this project.\n");

      await callApi("POST", `/api/v1/projects/${projectId}/items/testing.unit/checks`, { token: write, body: { kind: "reported", settings: { maxAgeDays: 3 } } });
      printed.length = 0;
      const failure = await checkCommand("run", { project: projectId }, { json: false }, inProcess(write)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CliError);
      expect((failure as CliError).exitCode).toBe(1);
      expect((failure as CliError).body).toMatchObject({ code: "CHECKS_FAILED", message: "1 of 1 checks failed." });
      expect(printed.join("")).toBe("✗ testing.unit (reported): no result reported yet (expected every 3 days) → item MISSING\n1 check: 0 passed, 1 failed.\n");
      // A read token may list but not run.
      const refused = await checkCommand("run", { project: projectId }, { json: true }, inProcess(read)).catch((error: unknown) => error);
      expect((refused as CliError).body).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/only read/) });
    } finally {
      stdout.mockRestore();
    }
    await expect(checkCommand("run", {}, { json: false }, inProcess(write))).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe("REST API contract: reported results", () => {
  it("takes a pipeline's result for a reported check, applies it at once, and shows the check on the item", async () => {
    const { lead, write, read, projectId } = await contractWorld();
    const item = `/api/v1/projects/${projectId}/items/testing.unit`;
    // Ticked Done by hand before any check: done.
    expect((await callApi("PATCH", item, { token: write, body: { priority: "HIGH", status: "DONE", version: 1 } })).status).toBe(200);
    const percentOf = async () => (await callApi("GET", `/api/v1/projects/${projectId}`, { token: read })).body.summary;
    const done = await percentOf();

    const added = await callApi("POST", `${item}/checks`, { token: write, body: { kind: "reported", settings: { maxAgeDays: 7 }, failuresBeforeFailing: 1 } });
    // The check has given no verdict yet: the item is not evaluated, counted as not done.
    const pending = await callApi("GET", item, { token: read });
    expect(pending.body).toMatchObject({ status: "DONE", standing: "NOT_EVALUATED" });
    expect(pending.body.checks).toEqual([
      { id: added.body.id, kind: "reported", target: "a result reported every 7 days", state: "PENDING", lastRunAt: null, nextRunAt: expect.any(String), failingSince: null, lastSummary: null },
    ]);
    const notEvaluated = await percentOf();
    expect(notEvaluated.counts.NOT_EVALUATED).toBe(1);
    expect(notEvaluated.readinessPercent).toBeLessThan(done.readinessPercent);
    expect((await callApi("GET", `/api/v1/projects/${projectId}/items?status=NOT_EVALUATED`, { token: read })).body.data.map((i: { key: string }) => i.key)).toEqual(["testing.unit"]);

    const results = `/api/v1/projects/${projectId}/checks/${added.body.id}/results`;
    const passed = await callApi("POST", results, { token: write, body: { passed: true, summary: "412 tests passed", url: "https://ci.example.com/runs/7", details: { tests: 412 } } });
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({
      report: { passed: true, summary: "412 tests passed", url: "https://ci.example.com/runs/7" },
      result: { passed: true, summary: "passed as reported today (" + passed.body.report.reportedAt.slice(0, 10) + "): 412 tests passed" },
      check: { state: "PASSING" },
      itemStatus: "DONE",
    });
    const after = await callApi("GET", item, { token: read });
    expect(after.body).toMatchObject({ standing: "DONE", checks: [{ state: "PASSING", lastSummary: passed.body.result.summary, lastRunAt: passed.body.report.reportedAt }] });
    expect((await percentOf()).readinessPercent).toBe(done.readinessPercent);
    const [record] = await db.activity.findMany({ where: { entityId: added.body.id, action: "check.reported" } });
    expect(record).toMatchObject({ actorLabel: "API token “GitHub Actions”", after: { passed: true, summary: "412 tests passed", url: "https://ci.example.com/runs/7" } });

    // A failure reported falls at once (threshold 1), and is still a 201: the report was accepted.
    const failed = await callApi("POST", results, { token: write, body: { passed: false } });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ check: { state: "FAILING" }, itemStatus: "MISSING", report: { passed: false, summary: null, url: null } });

    // Field errors: the link must be https, the summary short, the details small; nothing else is taken.
    const bad = await callApi("POST", results, { token: write, body: { passed: "yes", url: "http://ci.example.com/runs/8", summary: "x".repeat(501), details: { log: "x".repeat(5000) } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["details", "passed", "summary", "url"]);
    expect((await callApi("POST", results, { token: write, body: { passed: true, extra: 1 } })).status).toBe(400);

    // Only reported checks take results; read tokens may not report; other projects and teams find nothing.
    const http = await callApi("POST", `${item}/checks`, { token: write, body: { settings: { kind: "http", url: "https://app.example.com/health" } } });
    const wrongKind = await callApi("POST", `/api/v1/projects/${projectId}/checks/${http.body.id}/results`, { token: write, body: { passed: true } });
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/only checks of kind reported take reported results/) });
    expect((await callApi("POST", results, { token: read, body: { passed: true } })).status).toBe(403);
    const other = await catalogueProject(lead, ["testing"], "Other project");
    expect((await callApi("POST", `/api/v1/projects/${other}/checks/${added.body.id}/results`, { token: write, body: { passed: true } })).status).toBe(404);
    const { actors: [foreignAdmin] } = await teamWith(["ADMIN"], "Elsewhere too");
    const foreign = await tokenFor(foreignAdmin, "write");
    expect((await callApi("POST", results, { token: foreign.secret, body: { passed: true } })).status).toBe(404);
    expect(await db.checkReport.count({ where: { checkId: added.body.id } })).toBe(2);
  });
});

describe("shipshape check report and check run --wait", () => {
  it("reports a result (exit 0 when accepted), and waits for every run, failing when one failed", async () => {
    const { lead, write, read } = await contractWorld();
    const projectId = await catalogueProject(lead, ["testing"], "Waiting project");
    const added = await callApi("POST", `/api/v1/projects/${projectId}/items/testing.unit/checks`, { token: write, body: { kind: "reported", settings: { maxAgeDays: 3 }, failuresBeforeFailing: 1 } });
    const printed: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((text) => (printed.push(String(text)), true));
    try {
      await checkCommand("report", { project: projectId, check: added.body.id, pass: true, summary: "all green" }, { json: false }, inProcess(write));
      expect(printed.join("")).toMatch(/^Reported a pass for testing\.unit: passed as reported today \(\d{4}-\d\d-\d\d\): all green → item DONE\n$/);

      printed.length = 0;
      await checkCommand("run", { project: projectId, wait: true, timeout: "5" }, { json: false }, inProcess(write));
      expect(printed.join("")).toMatch(/^✓ testing\.unit reported PASSING: passed as reported today .*: all green\n1 check: 1 passed, 0 failed\.\n$/);

      await checkCommand("report", { project: projectId, check: added.body.id, fail: true }, { json: true }, inProcess(write));
      printed.length = 0;
      const failure = await checkCommand("run", { project: projectId, wait: true }, { json: false }, inProcess(write)).catch((error: unknown) => error);
      expect(failure).toMatchObject({ exitCode: 1, body: { code: "CHECKS_FAILED", message: "1 of 1 checks failed." } });
      expect(printed.join("")).toMatch(/^✗ testing\.unit reported FAILING: failed as reported today .*\n1 check: 0 passed, 1 failed\.\n$/);

      // A server that queued the runs and never ran them: --wait gives up at its timeout with exit 3.
      const queued: ApiClient = async (method, path, body) => (method === "POST" ? { status: 202, data: null as never } : inProcess(read)(method, path, body));
      let clock = 0;
      const timedOut = await checkCommand("run", { project: projectId, wait: true, timeout: "10" }, { json: true }, queued, { now: () => clock, sleep: async (ms) => void (clock += ms) }).catch((error: unknown) => error);
      expect(timedOut).toMatchObject({ exitCode: 3, body: { code: "CHECKS_TIMED_OUT", message: "1 of 1 checks had not finished after 10 s." } });
    } finally {
      stdout.mockRestore();
    }
    await expect(checkCommand("report", { project: projectId, check: added.body.id }, { json: false }, inProcess(write))).rejects.toMatchObject({ exitCode: 2 });
    await expect(checkCommand("report", { project: projectId, check: added.body.id, pass: true, fail: true }, { json: false }, inProcess(write))).rejects.toMatchObject({ exitCode: 2 });
    await expect(checkCommand("run", { project: projectId, timeout: "5" }, { json: false }, inProcess(write))).rejects.toMatchObject({ exitCode: 2 });
    // A read token may not report.
    await expect(checkCommand("report", { project: projectId, check: added.body.id, pass: true }, { json: true }, inProcess(read))).rejects.toMatchObject({ body: { code: "FORBIDDEN" } });
  });
});

// The real `shipshape` process, against a loopback server that hands each
// request to the route handlers in-process: its argument parsing and exit codes.
async function shipshapeAgainstApi(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const token = request.headers.authorization?.replace(/^Bearer /, "") ?? null;
    const answer = await callApi(request.method as "GET" | "POST", request.url ?? "/", { token, body: text ? JSON.parse(text) : undefined });
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.resolve(import.meta.dirname, "../../scripts/shipshape.mjs"), ...args],
        { env: { ...process.env, SHIPSHAPE_URL: `http://127.0.0.1:${port}`, SHIPSHAPE_TOKEN: cliToken }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
  } finally {
    server.close();
  }
}
let cliToken = "";

describe("the shipshape process: check report and check run --wait", () => {
  it("exits 0 when a report is accepted, and 1 from --wait when a check failed", async () => {
    const { lead, write } = await contractWorld();
    cliToken = write;
    const projectId = await catalogueProject(lead, ["testing"], "Process project");
    const added = await callApi("POST", `/api/v1/projects/${projectId}/items/testing.unit/checks`, { token: write, body: { kind: "reported", settings: { maxAgeDays: 3 }, failuresBeforeFailing: 1 } });
    const reported = await shipshapeAgainstApi(["check", "report", "--project", projectId, "--check", added.body.id, "--fail", "--summary", "2 tests failed", "--url", "https://ci.example.com/runs/9"]);
    expect(reported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Reported a failure for testing\.unit: failed as reported today .*: 2 tests failed → item MISSING\n$/) });
    const waited = await shipshapeAgainstApi(["check", "run", "--project", projectId, "--wait", "--timeout", "20", "--json"]);
    expect(waited.code).toBe(1);
    expect(JSON.parse(waited.stdout).error).toMatchObject({ code: "CHECKS_FAILED", details: { checks: [{ itemKey: "testing.unit", state: "FAILING" }] } });
  }, 60_000);
});

afterAll(() => {
  // Runs after the tests above: each documented operation on checks was called at least once.
  expect(notExercised(documentedOperations(["Checks"]))).toEqual([]);
});
