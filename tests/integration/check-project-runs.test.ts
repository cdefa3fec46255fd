import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type http from "node:http";
import { db } from "@/lib/server/kernel/db";
import { addCheck, recentCheckResults, runCheckNow, runProjectChecks } from "@/lib/server/services/checks";
import { archiveProject } from "@/lib/server/services/projects";
import { loopbackAllowed, startHttpServer, type Listening } from "../support/check-targets";
import { teamWith } from "../support/fixtures";
import { catalogueProject, code, itemByKey } from "../support/readiness";

// A project's checks as one: all of them run at once ("Re-check now" on the
// Checks tab) and their latest results read in one statement, against a real
// HTTP server on loopback and the real database.

let answer = 200;
let target: Listening<http.Server>;
const url = (path: string) => `http://127.0.0.1:${target.port}${path}`;
const allowLoopback = { context: { network: loopbackAllowed } };

beforeAll(async () => {
  target = await startHttpServer((request, response) => {
    const status = request.url === "/down" ? 503 : answer;
    response.writeHead(status, { "content-type": "text/plain" });
    response.end(status < 400 ? "ok" : "down");
  });
});
afterAll(() => target.close());

async function project() {
  const team = await teamWith(["LEAD", "ENGINEER", "VIEWER"]);
  const [lead] = team.actors;
  const projectId = await catalogueProject(lead, ["monitoring"]);
  const uptime = await itemByKey(projectId, "monitoring.uptime");
  const other = (await db.item.findFirstOrThrow({ where: { projectId, key: { not: uptime.key } }, orderBy: { key: "asc" } })).key;
  return { ...team, projectId, uptime, other };
}

describe("running a project's checks", () => {
  it("runs every check and counts what passed and failed; an item's only", async () => {
    answer = 200;
    const { projectId, uptime, other, actors: [lead, engineer, viewer] } = await project();
    const up = await addCheck(lead, { projectId, key: uptime.key, kind: "http", settings: { url: url("/health") } });
    await addCheck(lead, { projectId, key: uptime.key, kind: "http", settings: { url: url("/down") }, failuresBeforeFailing: 1 });
    const elsewhere = await addCheck(lead, { projectId, key: other, kind: "http", settings: { url: url("/health") } });

    expect(await runProjectChecks(engineer, { projectId }, allowLoopback)).toEqual({ total: 3, passed: 2, failed: 1 });
    const checks = await db.check.findMany({ where: { projectId }, select: { id: true, state: true, lastRunAt: true } });
    expect(checks.every((check) => check.lastRunAt !== null)).toBe(true);
    expect(checks.find((check) => check.id === up.id)?.state).toBe("PASSING");

    expect(await runProjectChecks(engineer, { projectId, itemKey: uptime.key }, allowLoopback)).toEqual({ total: 2, passed: 1, failed: 1 });
    expect(await db.checkResult.count({ where: { checkId: elsewhere.id } })).toBe(1);

    expect(await code(runProjectChecks(viewer, { projectId }, allowLoopback))).toBe("FORBIDDEN");
    expect(await code(runProjectChecks(engineer, { projectId, itemKey: "no.such-item" }, allowLoopback))).toBe("NOT_FOUND");
    await archiveProject(lead, { projectId });
    expect(await code(runProjectChecks(engineer, { projectId }, allowLoopback))).toBe("CONFLICT");
  });

  it("answers zero counts for a project without checks", async () => {
    const { projectId, actors: [, engineer] } = await project();
    expect(await runProjectChecks(engineer, { projectId })).toEqual({ total: 0, passed: 0, failed: 0 });
  });
});

describe("recent results of a project's checks", () => {
  it("gives the newest results of each check, newest first, at most perCheck each, and none of another team", async () => {
    answer = 200;
    const { projectId, uptime, other, actors: [lead, engineer, viewer] } = await project();
    const first = await addCheck(lead, { projectId, key: uptime.key, kind: "http", settings: { url: url("/health") } });
    const second = await addCheck(lead, { projectId, key: other, kind: "http", settings: { url: url("/down") } });
    const never = await addCheck(lead, { projectId, key: other, kind: "reported", settings: { maxAgeDays: 7 } });
    for (let run = 0; run < 4; run++) await runCheckNow(engineer, { checkId: first.id }, allowLoopback);
    await runCheckNow(engineer, { checkId: second.id }, allowLoopback);

    const results = await recentCheckResults(viewer, { projectId, perCheck: 3 });
    expect(Object.keys(results).sort()).toEqual([first.id, second.id].sort());
    expect(results[first.id]).toHaveLength(3);
    const times = results[first.id].map((result) => result.ranAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(results[second.id]).toEqual([expect.objectContaining({ passed: false, summary: expect.stringContaining("503"), details: expect.objectContaining({ status: 503 }) })]);
    expect(results[never.id]).toBeUndefined();

    const ofItem = await recentCheckResults(viewer, { projectId, itemKey: other });
    expect(Object.keys(ofItem)).toEqual([second.id]);
    expect((await recentCheckResults(viewer, { projectId }))[first.id]).toHaveLength(4);

    const stranger = (await teamWith(["LEAD"])).actors[0];
    expect(await code(recentCheckResults(stranger, { projectId }))).toBe("NOT_FOUND");
    expect(await code(recentCheckResults(viewer, { projectId, perCheck: 50 }))).toBe("VALIDATION");
  });
});
