// The soak half of `npm run bench`: a mixed read/write load on the running
// production server for a minute (BENCH_LOAD_SECONDS) at 50 connections
// (BENCH_LOAD_CONNECTIONS), split 40/40/20 between project page renders (a
// signed-in person), REST API reads (a read token) and item updates through
// the REST API (a write token; each records activity). Three autocannon runs
// at once, one per kind, so that each kind has its own latencies. The server's
// resident memory is read from /proc before and after.
//
// Updates never conflict, legitimately: an item is updated by one request at
// a time (taken from a queue of idle items, put back when its answer came),
// and each update sends the version the previous answer returned.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = Number(process.env.BENCH_LOAD_WARM_UP_SECONDS ?? 10);

/** An item the load may update: where it is, and its state as last answered. */
export type LoadItem = { projectId: string; key: string; version: number; status: string };

export type MixedLoadTargets = {
  base: string;
  /** The server's process id, for its resident memory. */
  serverPid: number;
  /** A project page's path and the session cookie that may see it. */
  pagePath: string;
  sessionCookie: string;
  /** An API read's path and a read token. */
  apiPath: string;
  readToken: string;
  /** Items to update (the more, the fewer updates per item) and a write token. */
  items: LoadItem[];
  writeToken: string;
};

type Kind = { name: string; share: number; options: Partial<autocannon.Options> };
type KindResult = { name: string; requests: number; requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number };

/** Resident memory of process `pid` in bytes (VmRSS of /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"));
  if (!line) throw new Error(`No VmRSS for process ${pid}`);
  return Number(line.replace(/\D+/g, "")) * 1024;
}

function kinds(targets: MixedLoadTargets): Kind[] {
  // Items not in flight, oldest-updated first.
  const idle = [...targets.items];
  const itemUpdate = {
    method: "PATCH" as const,
    setupRequest(request: autocannon.Request, context: { item?: LoadItem }) {
      const item = idle.shift();
      if (!item) throw new Error("No idle item to update: give the load more items.");
      context.item = item;
      const status = item.status === "DONE" ? "PARTIAL" : "DONE";
      return {
        ...request,
        path: `/api/v1/projects/${item.projectId}/items/${encodeURIComponent(item.key)}`,
        headers: { authorization: `Bearer ${targets.writeToken}`, "content-type": "application/json" },
        body: JSON.stringify({ status, version: item.version }),
      };
    },
    onResponse(status: number, body: string, context: { item?: LoadItem }) {
      const item = context.item;
      if (!item) return;
      if (status === 200) {
        const answer = JSON.parse(body) as { version: number; status: string };
        item.version = answer.version;
        item.status = answer.status;
      }
      idle.push(item);
    },
  };
  return [
    { name: "page GET /projects/[projectId]", share: 0.4, options: { url: `${targets.base}${targets.pagePath}`, headers: { cookie: targets.sessionCookie } } },
    { name: "API GET /api/v1/projects/{id}", share: 0.4, options: { url: `${targets.base}${targets.apiPath}`, headers: { authorization: `Bearer ${targets.readToken}` } } },
    { name: "API PATCH …/items/{key}", share: 0.2, options: { url: targets.base, requests: [itemUpdate as unknown as autocannon.Request] } },
  ];
}

async function runAll(all: Kind[], seconds: number): Promise<KindResult[]> {
  const split = all.map((kind) => Math.max(1, Math.round(CONNECTIONS * kind.share)));
  const results = await Promise.all(all.map((kind, n) => autocannon({ ...kind.options, connections: split[n], duration: seconds } as autocannon.Options)));
  return results.map((result, n) => ({
    name: `${all[n].name} (${split[n]} conn.)`,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }));
}

/** Runs the mixed load against a server that is up, and prints what it measured. */
export async function mixedLoad(targets: MixedLoadTargets): Promise<void> {
  const check = await fetch(`${targets.base}${targets.pagePath}`, { headers: { cookie: targets.sessionCookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`The project page answered ${check.status} to the bench's session, not 200.`);
  const all = kinds(targets);
  console.log(`\nMixed load, ${CONNECTIONS} connections for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up (page renders / API reads / item updates, connections 40/40/20 %):`);
  await runAll(all, WARM_UP_SECONDS);
  const rssStart = residentBytes(targets.serverPid);
  const results = await runAll(all, SECONDS);
  const rssEnd = residentBytes(targets.serverPid);
  const total = results.reduce((sum, r) => sum + r.requests, 0);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(5)} req/s (${((r.requests / total) * 100).toFixed(0)} % of requests)   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(5)} ms   non-2xx ${r.non2xx}   errors ${r.errors}   timeouts ${r.timeouts}`,
    );
  }
  const failures = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const growth = (rssEnd / rssStart - 1) * 100;
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(`All kinds: ${(total / SECONDS).toFixed(0)} req/s, ${total} requests, ${failures} non-2xx or errors${failures === 0 ? "" : "  ← should be 0"}`);
  console.log(`Server RSS: ${mib(rssStart)} MiB after warm-up, ${mib(rssEnd)} MiB at the end (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %; target < 20 %)${growth < 20 ? "" : "  ← above target"}`);
}
