// The soak half of `npm run bench`: a mixed read/write load on the running
// production server for a minute (BENCH_LOAD_SECONDS) at 50 connections
// (BENCH_LOAD_CONNECTIONS), split 40/40/20 between project page renders (a
// signed-in person), REST API reads (a read token) and item updates through
// the REST API (a write token; each records activity). Three autocannon runs
// at once, one per kind, so that each kind has its own latencies. The server's
// resident memory is read from /proc before and after, and its live heap
// (after a full collection) tells growth that is kept from growth that is
// only the heap sized to the load.
//
// Updates never conflict, legitimately: an item is updated by one request at
// a time (taken from a queue of idle items, put back when its answer came),
// and each update sends the version the previous answer returned.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
// Long enough for V8 to size its heap to 50 connections' renders: the RSS
// is then at its plateau when the run starts (the run's samples show it).
const WARM_UP_SECONDS = Number(process.env.BENCH_LOAD_WARM_UP_SECONDS ?? 30);
const REWARM_SECONDS = 10;

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
  /** The server's METRICS_TOKEN: its heap is read from /api/metrics. */
  metricsToken: string;
};

type Kind = { name: string; share: number; options: Partial<autocannon.Options> };
type KindResult = { name: string; requests: number; requestsPerSecond: number; p50: number; p99: number; max: number; non2xx: number; errors: number; timeouts: number; statuses: string };

/** Resident memory of process `pid` in bytes (VmRSS of /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"));
  if (!line) throw new Error(`No VmRSS for process ${pid}`);
  return Number(line.replace(/\D+/g, "")) * 1024;
}

// The last refused update's answer per status, to say why.
const refusals = new Map<number, string>();

function kinds(targets: MixedLoadTargets): Kind[] {
  // Items not in flight, oldest-updated first.
  const idle = [...targets.items];
  const itemUpdate = {
    method: "PATCH" as const,
    setupRequest(request: autocannon.Request, context: { item?: LoadItem }) {
      const item = idle.shift();
      if (!item) throw new Error("No idle item to update: give the load more items.");
      context.item = item;
      // Between two standings that need no evidence (a critical item may need
      // some before DONE), so that every update is one the API accepts.
      const status = item.status === "PARTIAL" ? "MISSING" : "PARTIAL";
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
      } else {
        refusals.set(status, `${item.key} ${item.status}@${item.version}: ${body.slice(0, 300)}`);
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

/**
 * The server's V8 heap in use and its external memory, in bytes, from
 * /api/metrics, after a full collection (scripts/lib/collect-on-signal.cjs):
 * what is live, not what is merely uncollected.
 */
async function heapBytes(targets: MixedLoadTargets): Promise<{ heapUsed: number; external: number }> {
  process.kill(targets.serverPid, "SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const text = await (await fetch(`${targets.base}/api/metrics`, { headers: { authorization: `Bearer ${targets.metricsToken}` } })).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return { heapUsed: value("nodejs_heap_size_used_bytes"), external: value("nodejs_external_memory_bytes") };
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
    max: result.latency.max,
    statuses: Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(" "),
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
  // The live heap once the warm-up's work is done; the full collection that
  // tells it shrinks the heap, so a few seconds of load size it again before
  // the resident memory is read.
  const heapStart = await heapBytes(targets);
  await runAll(all, REWARM_SECONDS);
  const rssStart = residentBytes(targets.serverPid);
  // RSS every tenth of the run, to tell a plateau from a climb.
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(residentBytes(targets.serverPid)), (SECONDS * 1000) / 10);
  const results = await runAll(all, SECONDS);
  clearInterval(sampler);
  const rssEnd = residentBytes(targets.serverPid);
  const heapEnd = await heapBytes(targets);
  const total = results.reduce((sum, r) => sum + r.requests, 0);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(5)} req/s (${((r.requests / total) * 100).toFixed(0)} % of requests)   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(5)} ms   max ${r.max} ms   non-2xx ${r.non2xx}   errors ${r.errors}   timeouts ${r.timeouts}   (${r.statuses})`,
    );
  }
  for (const [status, answer] of refusals) console.log(`  an update answered ${status}: ${answer}`);
  const failures = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const growth = (rssEnd / rssStart - 1) * 100;
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(`All kinds: ${(total / SECONDS).toFixed(0)} req/s, ${total} requests, ${failures} non-2xx or errors${failures === 0 ? "" : "  ← should be 0"}`);
  console.log(`Server RSS: ${mib(rssStart)} MiB after warm-up, ${mib(rssEnd)} MiB at the end (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %; target < 20 %)${growth < 20 ? "" : "  ← above target"}`);
  console.log(`  RSS during the run (MiB): ${samples.map(mib).join(", ")}`);
  console.log(
    `  Live V8 heap (after a full collection): ${mib(heapStart.heapUsed)} MiB after warm-up, ${mib(heapEnd.heapUsed)} MiB at the end (${((heapEnd.heapUsed / heapStart.heapUsed - 1) * 100).toFixed(1)} %); external ${mib(heapStart.external)} → ${mib(heapEnd.external)} MiB`,
  );
}
