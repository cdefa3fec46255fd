// The REST API's check endpoints, called as a client would, with each answer
// checked against the OpenAPI document (tests/support/api.ts). The runs here
// use "reported" checks and a loopback URL the default network policy
// refuses, so nothing leaves the machine; the runners' own behaviour is
// tests/integration/checks.test.ts's.
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

afterAll(() => {
  // Runs after the tests above: each documented operation on checks was called at least once.
  expect(notExercised(documentedOperations(["Checks"]))).toEqual([]);
});
