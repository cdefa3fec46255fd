// `shipshape worker`: the scheduled jobs (automated checks, daily snapshots)
// in a process of their own, beside web servers started with
// JOBS_IN_SERVER=false, or as more hands for the same queue
// (docs/adr/0030-scheduled-checks-on-pg-boss.md). Runs until SIGTERM or
// Ctrl-C, then lets running checks finish.
import { ConfigError } from "@/lib/server/kernel/config-schema";
import { runWorker } from "@/lib/server/jobs/worker";
import { CliError, succeed, type Output } from "@/lib/cli/output";

/** `shipshape worker`: resolves once a signal has stopped the jobs. Needs DATABASE_URL and the server's settings. */
export async function workerCommand(output: Output): Promise<void> {
  if (!process.env.DATABASE_URL) throw new CliError({ code: "INTERNAL", message: "DATABASE_URL is not set; run through the shipshape command." });
  const started = Date.now();
  let summary = {};
  let signal: NodeJS.Signals;
  try {
    signal = await runWorker((config) => {
      summary = { pid: process.pid, checksConcurrency: config.CHECKS_WORKER_CONCURRENCY, checksPerTeam: config.CHECKS_CONCURRENCY_PER_TEAM };
      process.stderr.write(
        `shipshape: worker ${process.pid} running the scheduled jobs (checks: ${config.CHECKS_WORKER_CONCURRENCY} at once, ${config.CHECKS_CONCURRENCY_PER_TEAM} per team). Ctrl-C or SIGTERM stops it.\n`,
      );
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError({ code: "VALIDATION", message: `The worker cannot start. ${error.message}` });
    throw error;
  }
  succeed(output, { ...summary, stoppedBy: signal, seconds: (Date.now() - started) / 1000 }, [`Worker stopped (${signal}).`]);
}
