import { spawn, type ChildProcess } from "node:child_process";
import type http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startQueue, type Queue } from "@/lib/server/jobs/boss";
import { CHECK_QUEUE, TICK_QUEUE, queueDueChecks, runCheckJob, slotJobId, startOffsetMs } from "@/lib/server/jobs/checks";
import { db } from "@/lib/server/kernel/db";
import { addCheck, removeCheck } from "@/lib/server/services/checks";
import { startHttpServer, type Listening } from "../support/check-targets";
import { teamWith } from "../support/fixtures";
import { catalogueProject, itemByKey } from "../support/readiness";

// The check scheduler with two real worker processes (`shipshape worker`)
// on the test database, and a real HTTP server on loopback that counts the
// requests each check makes and how many of a team's are open at once.

const root = path.resolve(import.meta.dirname, "../..");
const PER_TEAM = 2;
// Long enough that a team's checks overlap, so the limit is what holds them back.
const ANSWER_MS = 800;

let target: Listening<http.Server>;
const requests = new Map<string, number>();
const open = new Map<string, number>();
const mostOpen = new Map<string, number>();
let workers: { child: ChildProcess; output: () => string }[] = [];
let queue: Queue;

beforeAll(async () => {
  target = await startHttpServer((request, response) => {
    // /<team tag>/<check tag>
    const [, team, check] = (request.url ?? "").split("/");
    requests.set(check, (requests.get(check) ?? 0) + 1);
    open.set(team, (open.get(team) ?? 0) + 1);
    mostOpen.set(team, Math.max(mostOpen.get(team) ?? 0, open.get(team)!));
    setTimeout(() => {
      open.set(team, open.get(team)! - 1);
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    }, ANSWER_MS);
  });
  // Checks other files left in the database stay out of the way: their
  // targets are gone, and some name hosts that are not on loopback.
  await db.check.updateMany({ data: { nextRunAt: new Date(Date.now() + 365 * 86_400_000) } });
  workers = await Promise.all([startWorker(), startWorker()]);
  // This process only sends ticks and claims, as a third instance would; it runs no checks.
  queue = await startQueue({ connections: 4 });
}, 120_000);

afterAll(async () => {
  await queue?.close();
  await Promise.all(workers.map(({ child }) => stopWorker(child)));
  await target?.close();
}, 60_000);

// `shipshape worker` as an operator runs it, on the test database, with loopback allowed.
async function startWorker() {
  const child = spawn(process.execPath, [path.join(root, "scripts/shipshape.mjs"), "worker"], {
    cwd: root,
    env: {
      ...process.env,
      CHECKS_ALLOWED_NETWORKS: "127.0.0.0/8",
      CHECKS_CONCURRENCY_PER_TEAM: String(PER_TEAM),
      CHECKS_WORKER_CONCURRENCY: "8",
      CHECKS_JITTER_SECONDS: "2",
      SNAPSHOT_CHECK_INTERVAL_SECONDS: "86400",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const ready = () => output.includes("running the scheduled jobs") && resolve();
    child.stderr!.on("data", ready);
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}): ${output}`)));
  });
  return { child, output: () => output };
}

async function stopWorker(child: ChildProcess) {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return exited;
}

async function teamWithChecks(tag: string, count: number) {
  const { teamId, actors: [lead] } = await teamWith(["LEAD"]);
  const projectId = await catalogueProject(lead, ["monitoring"]);
  const item = await itemByKey(projectId, "monitoring.uptime");
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const check = await addCheck(lead, { projectId, key: item.key, kind: "http", settings: { url: `http://127.0.0.1:${target.port}/${tag}/${tag}-${n}` }, intervalMinutes: 5 });
    ids.push(check.id);
  }
  return { teamId, lead, projectId, ids, tags: ids.map((_, n) => `${tag}-${n}`) };
}

const results = (checkId: string) => db.checkResult.count({ where: { checkId } });
const sendTicks = (count: number) => Promise.all(Array.from({ length: count }, () => queue.boss.send(TICK_QUEUE, {})));
const settled = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the check scheduler", () => {
  it("runs each due check exactly once per slot across two worker processes, within its team's limit", async () => {
    const a = await teamWithChecks("alpha", 6);
    const b = await teamWithChecks("bravo", 6);
    const all = [...a.ids, ...b.ids];
    const tags = [...a.tags, ...b.tags];

    // Both workers, and this process, race for the same slots.
    await Promise.all([sendTicks(4), queueDueChecks(queue, { CHECKS_JITTER_SECONDS: 2 }), queueDueChecks(queue, { CHECKS_JITTER_SECONDS: 2 })]);
    await expect.poll(async () => (await Promise.all(all.map(results))).every((count) => count === 1), { timeout: 30_000, interval: 250 }).toBe(true);
    // More ticks find nothing due: the next slot is five minutes away.
    await sendTicks(4);
    await settled(3_000);
    expect(tags.map((tag) => requests.get(tag))).toEqual(tags.map(() => 1));
    expect(await Promise.all(all.map(results))).toEqual(all.map(() => 1));
    const checks = await db.check.findMany({ where: { id: { in: all } }, select: { lastRunAt: true, nextRunAt: true, state: true } });
    for (const check of checks) {
      expect(check.state).toBe("PASSING");
      // On the slot grid: five minutes after the slot it ran for, not after the run.
      expect(check.nextRunAt!.getTime() - check.lastRunAt!.getTime()).toBeLessThan(5 * 60_000);
    }

    // The next slot (moved to now rather than waiting five minutes): once more each.
    await db.check.updateMany({ where: { id: { in: all } }, data: { nextRunAt: new Date() } });
    await Promise.all([sendTicks(4), queueDueChecks(queue, { CHECKS_JITTER_SECONDS: 2 })]);
    await expect.poll(async () => (await Promise.all(all.map(results))).every((count) => count === 2), { timeout: 30_000, interval: 250 }).toBe(true);
    await sendTicks(2);
    await settled(3_000);
    expect(tags.map((tag) => requests.get(tag))).toEqual(tags.map(() => 2));
    expect(await Promise.all(all.map(results))).toEqual(all.map(() => 2));

    // Never more than the limit of one team's checks at the server at once, and the limit was reached.
    expect(mostOpen.get("alpha")).toBe(PER_TEAM);
    expect(mostOpen.get("bravo")).toBe(PER_TEAM);
    // Both processes ran some of them.
    const ranBy = await queue.pool.query<{ worker: string }>(
      "SELECT DISTINCT output->>'worker' AS worker FROM pgboss.job WHERE name = $1 AND state = 'completed' AND data->>'checkId' = ANY($2)",
      [CHECK_QUEUE, all],
    );
    expect(ranBy.rows).toHaveLength(2);
    for (const worker of workers) expect(worker.output()).not.toMatch(/"level":"(error|fatal)"/);
  }, 90_000);

  it("does nothing for a check removed after its run was queued", async () => {
    const { lead, ids: [checkId], tags: [tag] } = await teamWithChecks("charlie", 1);
    // Due in a minute: claimed by this tick, its run queued to start then.
    const slot = new Date(Date.now() + 60_000);
    await db.check.update({ where: { id: checkId }, data: { nextRunAt: slot } });
    await queueDueChecks(queue, { CHECKS_JITTER_SECONDS: 0 });
    const jobId = slotJobId(checkId, slot);
    const jobState = async () => (await queue.pool.query<{ state: string; output: { reason?: string } | null }>("SELECT state, output FROM pgboss.job WHERE name = $1 AND id = $2", [CHECK_QUEUE, jobId])).rows[0];
    expect((await jobState()).state).toBe("created");

    await removeCheck(lead, { checkId });
    // Its start brought forward: a worker takes it now.
    await queue.pool.query("UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND id = $2", [CHECK_QUEUE, jobId]);
    await expect.poll(async () => (await jobState()).state, { timeout: 15_000, interval: 250 }).toBe("completed");
    expect((await jobState()).output).toMatchObject({ ran: false, reason: "deleted" });
    expect(requests.get(tag)).toBeUndefined();
  }, 30_000);

  it("skips a run whose check already ran in its slot, or whose next slot has come", async () => {
    const { teamId, ids: [checkId], tags: [tag] } = await teamWithChecks("delta", 1);
    const slot = new Date(Date.now() - 1_000);
    await db.check.update({ where: { id: checkId }, data: { lastRunAt: new Date() } });
    const options = { perTeam: PER_TEAM, holder: "test" };
    const job = { checkId, teamId, slot: slot.toISOString(), next: new Date(Date.now() + 60_000).toISOString() };
    expect(await runCheckJob(queue.pool, job, options)).toMatchObject({ ran: false, reason: "already ran" });
    expect(await runCheckJob(queue.pool, { ...job, next: new Date(Date.now() - 1).toISOString() }, options)).toMatchObject({ ran: false, reason: "late" });
    expect(requests.get(tag)).toBeUndefined();
  });

  it("spreads starts by a fixed offset per check, within half the interval and the jitter setting", () => {
    const offsets = Array.from({ length: 200 }, (_, n) => startOffsetMs(`check-${n}`, 5, 60));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(60_000);
    expect(new Set(offsets).size).toBeGreaterThan(190);
    expect(startOffsetMs("check-1", 5, 60)).toBe(offsets[1]);
    expect(Math.max(...Array.from({ length: 200 }, (_, n) => startOffsetMs(`check-${n}`, 1, 60)))).toBeLessThan(30_000);
    expect(startOffsetMs("check-1", 5, 0)).toBe(0);
  });

  it("stops a worker on SIGTERM after its running checks", async () => {
    const [first] = workers;
    expect(await stopWorker(first.child)).toBe(0);
    expect(first.output()).toContain("Worker stopped (SIGTERM)");
  }, 60_000);
});
