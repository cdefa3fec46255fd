// The scheduled checks' part of `npm run bench`: 1,000 HTTP checks in ten
// teams against a local server (a child process on loopback, so its work is
// not counted as the worker's), all due at the same moment and every minute
// after, for BENCH_CHECK_MINUTES (3) real minutes. The worker is this
// process: the scheduler as the server runs it (tick, claims, queue, team
// leases), with the default concurrency settings. Time is compressed in one
// way only: the checks' interval is one minute (set in the database; the
// product's shortest is five), so three slots pass in three minutes.
// Printed, never asserted: how many runs started within their slot, how
// late they started against their planned start (slot plus the check's own
// offset), the busiest second, and the worker's CPU and memory against the
// same scheduler idling for BENCH_CHECK_IDLE_SECONDS beforehand.
import { spawn } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import { createInterface } from "node:readline";

const CHECKS = Number(process.env.BENCH_CHECKS ?? 1000);
const TEAMS = 10;
const MINUTES = Number(process.env.BENCH_CHECK_MINUTES ?? 3);
const IDLE_SECONDS = Number(process.env.BENCH_CHECK_IDLE_SECONDS ?? 20);

// The target: answers 200 after 20 ms and prints "<check tag> <arrival ms>" per request.
const TARGET = `
const http = require("node:http");
const server = http.createServer((request, response) => {
  process.stdout.write(request.url.slice(1) + " " + Date.now() + "\\n");
  setTimeout(() => { response.writeHead(200, { "content-type": "text/plain" }); response.end("ok"); }, 20);
});
server.listen(0, "127.0.0.1", () => process.stdout.write("port " + server.address().port + "\\n"));
`;

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function benchScheduledChecks(): Promise<void> {
  const { db } = await import("@/lib/server/kernel/db");
  const { parseJobSettings } = await import("@/lib/server/kernel/config-schema");
  const { startJobs } = await import("@/lib/server/jobs/runtime");
  const { startOffsetMs } = await import("@/lib/server/jobs/checks");
  const { loopbackAllowed } = await import("@/tests/support/check-targets");

  const target = spawn(process.execPath, ["-e", TARGET], { stdio: ["ignore", "pipe", "inherit"] });
  const arrivals: { tag: string; at: number }[] = [];
  const port = await new Promise<number>((resolve) => {
    createInterface({ input: target.stdout! }).on("line", (line) => {
      const [first, second] = line.split(" ");
      if (first === "port") resolve(Number(second));
      else arrivals.push({ tag: first, at: Number(second) });
    });
  });

  try {
    // Ten teams, a project each; the checks spread over each project's items.
    const checks: { id: string; tag: string }[] = [];
    const seedStarted = performance.now();
    for (let t = 0; t < TEAMS; t += 1) {
      const team = await db.team.create({ data: { name: `Checks ${t}`, slug: `bench-checks-${t}` } });
      const project = await db.project.create({ data: { teamId: team.id, name: `Monitored ${t}` } });
      const category = await db.category.create({ data: { teamId: team.id, projectId: project.id, name: "Monitoring", position: 0 } });
      const perTeam = CHECKS / TEAMS;
      await db.item.createMany({
        data: Array.from({ length: perTeam }, (_, n) => ({ teamId: team.id, projectId: project.id, categoryId: category.id, key: `uptime-${n}`, title: `Service ${n} answers`, priority: "HIGH" as const, status: "MISSING" as const, position: n })),
      });
      const items = await db.item.findMany({ where: { projectId: project.id }, select: { id: true }, orderBy: { position: "asc" } });
      for (const [n, item] of items.entries()) {
        const tag = `t${t}-c${n}`;
        const check = await db.check.create({
          data: { teamId: team.id, projectId: project.id, itemId: item.id, kind: "HTTP", settings: { kind: "http", url: `http://127.0.0.1:${port}/${tag}` }, intervalMinutes: 1, nextRunAt: new Date(Date.now() + 365 * 86_400_000) },
          select: { id: true },
        });
        checks.push({ id: check.id, tag });
      }
    }
    console.log(`\nScheduled checks: seeded ${checks.length} HTTP checks in ${TEAMS} teams in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const settings = parseJobSettings(process.env);
    const jobs = await startJobs({ settings, snapshotIntervalSeconds: 86_400, checkContext: { network: loopbackAllowed } });
    try {
      // The baseline: the same scheduler with nothing due.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      let cpu = process.cpuUsage();
      let wall = performance.now();
      await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
      const idle = process.cpuUsage(cpu);
      const idleCpuPerSecond = (idle.user + idle.system) / 1000 / (performance.now() - wall);

      // Every check due at the same moment, in 10 s: the worst case for a herd.
      const firstSlot = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
      await db.check.updateMany({ where: { id: { in: checks.map((check) => check.id) } }, data: { nextRunAt: new Date(firstSlot) } });
      // A tick now claims the first slot (ticks every minute claim the rest).
      const { TICK_QUEUE } = await import("@/lib/server/jobs/checks");
      await jobs.boss.send(TICK_QUEUE, {});
      cpu = process.cpuUsage();
      wall = performance.now();
      let peakRss = 0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1000);
      const end = firstSlot + MINUTES * 60_000;
      await new Promise((resolve) => setTimeout(resolve, end - Date.now()));
      clearInterval(sampler);
      const busy = process.cpuUsage(cpu);
      const busyWallMs = performance.now() - wall;
      const memory = process.memoryUsage();

      // Each arrival belongs to the slot it follows.
      const byTag = new Map(checks.map((check) => [check.tag, check.id]));
      const slotsDue = MINUTES * checks.length;
      const lags: number[] = [];
      const late: number[] = [];
      const perSlot = new Map<string, number>();
      const perSecond = new Map<number, number>();
      for (const { tag, at } of arrivals) {
        const id = byTag.get(tag);
        if (!id || at < firstSlot || at >= end) continue;
        const slotIndex = Math.floor((at - firstSlot) / 60_000);
        const slot = firstSlot + slotIndex * 60_000;
        const key = `${tag}@${slotIndex}`;
        perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
        lags.push(at - slot);
        late.push(at - (slot + startOffsetMs(id, 1, settings.CHECKS_JITTER_SECONDS)));
        perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
      }
      // A run that started in a later slot than its own would show as that slot's, and that slot's own as a second.
      const onTime = perSlot.size;
      const twice = [...perSlot.values()].filter((count) => count > 1).length;
      lags.sort((a, b) => a - b);
      late.sort((a, b) => a - b);
      const runs = checks.length * MINUTES;
      const busyCpuMs = (busy.user + busy.system) / 1000;
      console.log(`${MINUTES} one-minute slots × ${checks.length} checks (per team ${settings.CHECKS_CONCURRENCY_PER_TEAM}, per process ${settings.CHECKS_WORKER_CONCURRENCY} at once, offsets within ${Math.min(settings.CHECKS_JITTER_SECONDS, 30)} s)`);
      console.log(`  runs started within their slot    ${onTime} of ${slotsDue} (${((onTime / slotsDue) * 100).toFixed(1)} %); slots run twice: ${twice}; requests outside the window: ${arrivals.length - lags.length}`);
      console.log(`  start after slot (offset included) p50 ${seconds(percentile(lags, 0.5))}   p99 ${seconds(percentile(lags, 0.99))}   max ${seconds(lags.at(-1) ?? NaN)}`);
      console.log(`  start after planned start (lag)   p50 ${seconds(percentile(late, 0.5))}   p99 ${seconds(percentile(late, 0.99))}   max ${seconds(late.at(-1) ?? NaN)}`);
      console.log(`  busiest second                    ${Math.max(...perSecond.values())} checks started (all ${checks.length} due at once)`);
      console.log(
        `  worker CPU                        ${((busyCpuMs / busyWallMs) * 100).toFixed(1)} % of a core (${(busyCpuMs / runs).toFixed(1)} ms per run); ×${(busyCpuMs / busyWallMs / idleCpuPerSecond).toFixed(1)} the idle scheduler's ${(idleCpuPerSecond * 100).toFixed(2)} %`,
      );
      console.log(`  runs per second                   ${(lags.length / (busyWallMs / 1000)).toFixed(1)} (needed while a slot's offsets last: ${(checks.length / Math.min(settings.CHECKS_JITTER_SECONDS, 30)).toFixed(1)})`);
      console.log(`  machine                           load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores (other work shares them)`);
      console.log(`  worker memory                     rss ${(memory.rss / 1_048_576).toFixed(0)} MB (peak ${(peakRss / 1_048_576).toFixed(0)} MB), heap used ${(memory.heapUsed / 1_048_576).toFixed(0)} MB`);
    } finally {
      await jobs.stop(5_000);
    }
  } finally {
    target.kill();
    await once(target, "exit");
  }
}
