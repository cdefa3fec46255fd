import "server-only";
import type { CheckContext } from "@/lib/server/checks/run-check";
import type { JobSettings } from "@/lib/server/kernel/config-schema";
import { logger } from "@/lib/server/kernel/logger";
import { startQueue, type Queue } from "./boss";
import { startCheckScheduler } from "./checks";
import { runDailySnapshotsOn } from "./daily-snapshots";
import { runNotificationMailOn } from "./notification-mail";
import { runTimeNotificationsOn } from "./notifications";
import { startWebhookDeliveries } from "./webhooks";

// The scheduled jobs of one process (docs/adr/0030-scheduled-checks-on-pg-boss.md):
// the web server's (unless JOBS_IN_SERVER=false) or `shipshape worker`'s.
// Every process that runs them takes its share of the same queue.

/** Running jobs: `stop` lets running work finish (checks up to `graceMs`) and closes the queue. */
export type Jobs = Queue & { stop: (graceMs?: number) => Promise<void> };

export type JobsOptions = {
  settings: JobSettings;
  /** SNAPSHOT_CHECK_INTERVAL_SECONDS. */
  snapshotIntervalSeconds: number;
  /** Passed to every check run; tests allow loopback with it. */
  checkContext?: CheckContext;
  env?: Record<string, string | undefined>;
};

/**
 * Starts pg-boss (creating its schema on first start), the check scheduler
 * and its worker, the daily snapshots, and the time-based notifications. Throws when the database cannot be
 * reached or pg-boss cannot start.
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { settings } = options;
  // The check worker's runs (lease and job statements), the ticks, and pg-boss's own polling.
  const queue = await startQueue({ connections: Math.min(settings.CHECKS_WORKER_CONCURRENCY, 16) + 4, env: options.env });
  try {
    const checks = await startCheckScheduler(queue.boss, queue.pool, settings, options.checkContext);
    const stopSnapshots = await runDailySnapshotsOn(queue, options.snapshotIntervalSeconds);
    const stopNotifications = await runTimeNotificationsOn(queue);
    await runNotificationMailOn(queue);
    const stopWebhooks = startWebhookDeliveries({ network: options.checkContext?.network, lookup: options.checkContext?.lookup });
    let stopping: Promise<void> | undefined;
    const stop = (graceMs = 35_000) =>
      (stopping ??= (async () => {
        stopSnapshots();
        stopNotifications();
        await Promise.all([checks.stop(graceMs), stopWebhooks()]);
        await queue.close();
      })());
    return { ...queue, stop };
  } catch (error) {
    await queue.close();
    throw error;
  }
}

/**
 * Stops `jobs` on SIGTERM or SIGINT, letting running checks finish, then
 * calls `exit` (default: nothing more, for a host that has its own handler).
 */
export function stopJobsOnSignal(jobs: Jobs, exit?: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping the scheduled jobs; running checks may finish");
      void jobs.stop().finally(() => exit?.(signal));
    });
  }
}

const RETRY_START_MS = 30_000;

/**
 * For the web server: starts the jobs without holding up start-up, trying
 * again every 30 s while the database cannot be reached, and stops them on
 * SIGTERM/SIGINT (the server's own handler then exits).
 */
export function startJobsInBackground(options: JobsOptions): void {
  const attempt = () => {
    startJobs(options).then(
      (jobs) => {
        logger.info("scheduled jobs started");
        stopJobsOnSignal(jobs);
      },
      (error) => {
        logger.warn({ err: error }, "could not start the scheduled jobs; trying again in 30 s");
        setTimeout(attempt, RETRY_START_MS).unref();
      },
    );
  };
  attempt();
}
