// The HTTP half of `npm run bench`: starts the production server on the
// bench database (with the server preload and metrics on, as in production)
// and loads /api/health, the REST API's project read and the signed-in project
// page with autocannon, with the same number of connections, in alternating
// rounds so that a slow moment of the machine does not fall on one endpoint
// only; then the project page's own figures (page-bench.mts) and the mixed
// soak load (mixed-load.mts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIsStale } from "./build-freshness.mjs";
import { run } from "./database.mjs";
import { mixedLoad, type MixedLoadTargets } from "./mixed-load.mts";
import { nextStartArgs } from "./next-server.mjs";
import { measureProjectPage, pageRequest, type PageTargets } from "./page-bench.mts";

const root = path.resolve(import.meta.dirname, "../..");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PORT = process.env.BENCH_PORT ?? "3200";

type Round = { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number };
type Target = { name: string; url: string; headers: Record<string, string>; rounds: Round[] };

async function round(target: Target, duration: number): Promise<Round> {
  const result = await autocannon({ url: target.url, connections: CONNECTIONS, duration, headers: target.headers });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function waitForHealth(base: string) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not become healthy within a minute.");
}

const METRICS_TOKEN = randomBytes(24).toString("base64url");

/** Series of shipshape_http_requests_total the server exposes now, and their distinct routes. */
async function requestSeries(base: string): Promise<{ series: number; routes: string[] }> {
  const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const lines = text.split("\n").filter((line) => line.startsWith("shipshape_http_requests_total{"));
  return { series: lines.length, routes: [...new Set(lines.map((line) => /route="([^"]*)"/.exec(line)?.[1] ?? ""))].sort() };
}

/**
 * Loads the production server. `api` (a read token and a project's path) and
 * `mixed` are left out by `BENCH_ONLY=page`, which measures the project page
 * (`page`) alone against /api/health.
 */
export async function loadOverHttp({
  databaseUrl,
  api,
  page,
  mixed,
}: {
  databaseUrl: string;
  api?: { token: string; apiPath: string };
  page?: PageTargets;
  mixed?: Omit<MixedLoadTargets, "base" | "serverPid" | "apiPath" | "readToken" | "metricsToken">;
}) {
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  if (buildIsStale(root)) {
    console.log("\nBuilding the production server…");
    const code = await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { env, cwd: root, stdio: "ignore" });
    if (code !== 0) throw new Error(`next build failed (${code})`);
  }
  const base = `http://127.0.0.1:${PORT}`;
  const collectOnSignal = path.join(root, "scripts/lib/collect-on-signal.cjs");
  const countFile = path.join(tmpdir(), `shipshape-bench-sql-${process.pid}`);
  // BENCH_CPU_PROF=<directory>: the server writes a V8 CPU profile there on
  // exit, to see where a page's time goes (open it in Chrome's DevTools).
  const server = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), "--expose-gc", "--require", collectOnSignal, ...nextStartArgs(PORT, "127.0.0.1")], {
    cwd: root,
    // Warnings and errors only (LOG_LEVEL below): a failed request says why.
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      APP_URL: base,
      // The bench's own, which signed the session cookie of the mixed load.
      AUTH_SECRET: process.env.AUTH_SECRET,
      METRICS_TOKEN,
      BENCH_SQL_COUNT_FILE: countFile,
      // Request logging is off so that both endpoints are measured, not stdout.
      LOG_LEVEL: "warn",
      // Limits high enough never to answer 429; they are still counted.
      API_RATE_LIMIT_PER_TOKEN: "100000000",
      API_RATE_LIMIT_PER_IP: "100000000",
    },
  });
  try {
    await waitForHealth(base);
    // BENCH_ROUNDS=0 skips straight to the mixed load.
    if (ROUNDS > 0) {
      console.log(`\nHTTP, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION} s (production server, one process):`);
      const targets: Target[] = [
        { name: "GET /api/health", url: `${base}/api/health`, headers: {}, rounds: [] },
        ...(api ? [{ name: "GET /api/v1/projects/{id} (80 items)", url: `${base}${api.apiPath}`, headers: { authorization: `Bearer ${api.token}` }, rounds: [] }] : []),
        ...(page ? [{ ...pageRequest(base, page), rounds: [] }] : []),
        // The lightest signed-in page: what every page costs before its own content.
        ...(page ? [{ name: "signed-in /account (the floor)", url: `${base}/account`, headers: { cookie: page.sessionCookie }, rounds: [] }] : []),
      ];
      for (const target of targets) await round(target, 2); // warm-up
      for (let n = 0; n < ROUNDS; n += 1) for (const target of targets) target.rounds.push(await round(target, DURATION));
      const results = targets.map((target) => ({
        name: target.name,
        requestsPerSecond: median(target.rounds.map((r) => r.requestsPerSecond)),
        p50: median(target.rounds.map((r) => r.p50)),
        p99: median(target.rounds.map((r) => r.p99)),
        non2xx: target.rounds.reduce((sum, r) => sum + r.non2xx, 0),
        errors: target.rounds.reduce((sum, r) => sum + r.errors, 0),
        all: target.rounds.map((r) => r.requestsPerSecond.toFixed(0)).join(" / "),
      }));
      for (const result of results) {
        console.log(
          `${result.name.padEnd(40)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s (rounds ${result.all})   p50 ${String(result.p50).padStart(4)} ms   p99 ${String(result.p99).padStart(4)} ms   non-2xx ${result.non2xx}   errors ${result.errors}`,
        );
      }
      const health = results[0];
      // Each target's throughput against health's, and its target ratio.
      const goals = [
        { prefix: "GET /api/v1/", label: "API project read", goal: 0.5 },
        { prefix: "page ", label: "project page (signed in)", goal: 0.25 },
      ];
      console.log("");
      for (const result of results.slice(1)) {
        const goal = goals.find((entry) => result.name.startsWith(entry.prefix));
        if (!goal) continue;
        const ratio = result.requestsPerSecond / health.requestsPerSecond;
        console.log(`${goal.label} / health throughput (medians): ${(ratio * 100).toFixed(0)} % (target ≥ ${goal.goal * 100} %)${ratio >= goal.goal ? "" : "  ← below target"}`);
      }
    }

    if (!server.pid) throw new Error("The server has no process id.");
    if (page) await measureProjectPage(base, page, { pid: server.pid, countFile });
    if (mixed && api) {
      await mixedLoad({ ...mixed, base, serverPid: server.pid, apiPath: api.apiPath, readToken: api.token, metricsToken: METRICS_TOKEN });
      const { series, routes } = await requestSeries(base);
      console.log(`/api/metrics afterwards: ${series} request series, routes ${routes.join(", ")}`);
    }
  } finally {
    // Stopped before the bench drops its database under it.
    const exited = once(server, "exit");
    server.kill("SIGTERM");
    await exited;
  }
}
