// `shipshape worker`: the scheduled jobs (automated checks, daily snapshots)
// in a process of their own, beside web servers started with
// JOBS_IN_SERVER=false, or as more hands for the same queue
// (docs/adr/0030-scheduled-checks-on-pg-boss.md). Runs until SIGTERM or
// Ctrl-C, then lets running checks finish.
import { networkPolicyFromEnv } from "@/lib/server/checks/network-policy";
import { repositoryPathsFromEnv } from "@/lib/server/checks/repository-paths";
import { ConfigError, parseConfig } from "@/lib/server/kernel/config-schema";
import { startJobs, stopJobsOnSignal } from "@/lib/server/jobs/runtime";
import { CliError, succeed, type Output } from "@/lib/cli/output";

/** `shipshape worker`: resolves once a signal has stopped the jobs. Needs DATABASE_URL and the server's settings. */
export async function workerCommand(output: Output): Promise<void> {
  if (!process.env.DATABASE_URL) throw new CliError({ code: "INTERNAL", message: "DATABASE_URL is not set; run through the shipshape command." });
  let config;
  try {
    // The server's own checks of its settings: the worker runs what it would.
    config = parseConfig(process.env);
    networkPolicyFromEnv();
    repositoryPathsFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError({ code: "VALIDATION", message: `The worker cannot start. ${error.message}` });
    throw error;
  }
  const started = Date.now();
  const jobs = await startJobs({ settings: config, snapshotIntervalSeconds: config.SNAPSHOT_CHECK_INTERVAL_SECONDS });
  const summary = { pid: process.pid, checksConcurrency: config.CHECKS_WORKER_CONCURRENCY, checksPerTeam: config.CHECKS_CONCURRENCY_PER_TEAM };
  process.stderr.write(
    `shipshape: worker ${process.pid} running the scheduled jobs (checks: ${config.CHECKS_WORKER_CONCURRENCY} at once, ${config.CHECKS_CONCURRENCY_PER_TEAM} per team). Ctrl-C or SIGTERM stops it.\n`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => stopJobsOnSignal(jobs, resolve));
  succeed(output, { ...summary, stoppedBy: signal, seconds: (Date.now() - started) / 1000 }, [`Worker stopped (${signal}).`]);
}
