import "server-only";
import client, { type Registry } from "prom-client";
import { config } from "@/lib/server/kernel/config";
import { poolStatistics } from "@/lib/server/kernel/db";

// The process's Prometheus registry, served by GET /api/metrics
// (docs/adr/0027-metrics.md). The server preload (scripts/request-metrics.cjs)
// records the HTTP requests into the same registry: both find it on
// globalThis under this key, and prom-client is a server external package,
// so both hold the same prom-client.
const SHARED = Symbol.for("shipshape.metrics");
// The state lives on globalThis, not in this module: Next can instantiate the
// module more than once in one process (instrumentation and route handlers
// are bundled apart), and every copy must count into the same metrics.
type Shared = { registry?: Registry; jobMetrics?: JobMetrics };
const shared = (): Shared => ((globalThis as Record<symbol, Shared | undefined>)[SHARED] ??= {});

/** Whether metrics are on: METRICS_TOKEN is set. Off, nothing is recorded. */
export const metricsEnabled = (): boolean => Boolean(config().METRICS_TOKEN);

/**
 * The scheduled jobs that report to /api/metrics. A label value each, so the
 * set is closed: a new job (checks, notifications) adds its name here and
 * reports through `observeJob`.
 */
export type JobName = "daily-snapshots" | "checks" | "notifications";

type JobMetrics = ReturnType<typeof createJobMetrics>;

function sharedRegistry(): Registry {
  const state = shared();
  if (!state.registry) {
    state.registry = new client.Registry();
    // Process metrics: CPU, memory, event-loop lag, handles, GC.
    client.collectDefaultMetrics({ register: state.registry });
  }
  return state.registry;
}

// Registered by the copy of this module that serves /api/metrics, so that
// they read the pool of the copy of db.ts the pages and route handlers use.
function registerPoolGauges(registry: Registry) {
  if (registry.getSingleMetric("shipshape_db_pool_connections")) return;
  const registers = [registry];
  const pool = (name: string, help: string, read: (statistics: ReturnType<typeof poolStatistics>) => number) =>
    new client.Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read(poolStatistics()));
      },
    });
  pool("shipshape_db_pool_connections", "Open connections of the database pool.", (s) => s.total);
  pool("shipshape_db_pool_idle_connections", "Open connections of the database pool not running a query.", (s) => s.idle);
  pool("shipshape_db_pool_waiting_queries", "Queries waiting for a connection of the database pool.", (s) => s.waiting);
  pool("shipshape_db_pool_max_connections", "The database pool's size.", (s) => s.max);
}

function createJobMetrics(registry: Registry) {
  const registers = [registry];
  const labelNames = ["job"] as const;
  return {
    jobRuns: new client.Counter({ name: "shipshape_job_runs_total", help: "Runs of a scheduled job, by outcome (success, failure).", labelNames: ["job", "outcome"] as const, registers }),
    jobLastRun: new client.Gauge({ name: "shipshape_job_last_run_timestamp_seconds", help: "When a scheduled job's last run ended (Unix time).", labelNames, registers }),
    jobLastSuccess: new client.Gauge({ name: "shipshape_job_last_success_timestamp_seconds", help: "When a scheduled job last ended without error (Unix time).", labelNames, registers }),
    jobDuration: new client.Gauge({ name: "shipshape_job_last_run_duration_seconds", help: "How long a scheduled job's last run took.", labelNames, registers }),
    jobDue: new client.Gauge({ name: "shipshape_job_due", help: "Work a scheduled job found due and has not done yet (its queue depth; e.g. projects still without today's snapshot).", labelNames, registers }),
  };
}

function jobMetrics(): JobMetrics {
  const state = shared();
  state.jobMetrics ??= createJobMetrics(sharedRegistry());
  return state.jobMetrics;
}

/** The registry with every metric of the process: requests (with the preload), pool, jobs, process. */
export function metricsRegistry(): Registry {
  const registry = sharedRegistry();
  registerPoolGauges(registry);
  jobMetrics();
  return registry;
}

/** What a job tells about its progress while it runs. */
export type JobProgress = {
  /** `count` units of work were found due (sets the job's queue depth). */
  due(count: number): void;
  /** One unit (or `count`) of that work was done. */
  done(count?: number): void;
};

const ignoreProgress: JobProgress = { due: () => {}, done: () => {} };

/**
 * Runs one run of `job`, recording its outcome, end time and duration and the
 * work `work` reports due through its `JobProgress`. Returns or throws what
 * `work` does. With metrics off it only runs `work`.
 */
export async function observeJob<T>(job: JobName, work: (progress: JobProgress) => Promise<T>): Promise<T> {
  if (!metricsEnabled()) return work(ignoreProgress);
  const metrics = jobMetrics();
  // Both outcomes exist from the first run on, so a rate of failures is 0, not absent.
  for (const outcome of ["success", "failure"]) metrics.jobRuns.inc({ job, outcome }, 0);
  const started = performance.now();
  const progress: JobProgress = {
    due: (count) => metrics.jobDue.set({ job }, count),
    done: (count = 1) => metrics.jobDue.dec({ job }, count),
  };
  const finish = (outcome: "success" | "failure") => {
    const now = Date.now() / 1000;
    metrics.jobRuns.inc({ job, outcome });
    metrics.jobLastRun.set({ job }, now);
    if (outcome === "success") metrics.jobLastSuccess.set({ job }, now);
    metrics.jobDuration.set({ job }, (performance.now() - started) / 1000);
  };
  try {
    const result = await work(progress);
    finish("success");
    return result;
  } catch (error) {
    finish("failure");
    throw error;
  }
}
