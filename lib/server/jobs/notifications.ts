import "server-only";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { logger } from "@/lib/server/kernel/logger";
import { ensureQueue } from "./boss";
import { notifyTimeEvents } from "./time-notifications";

/** The queue of runs looking for what time has brought (items due, evidence and waivers expiring). */
export const NOTIFICATIONS_QUEUE = "time-notifications";

/** How often a run is asked for: a due date or an expiry is told within this of its day starting in the team's zone. */
export const NOTIFICATIONS_INTERVAL_SECONDS = 15 * 60;

/**
 * Runs notifyTimeEvents on the job queue, as the daily snapshots run: every
 * `intervalSeconds` and once at start-up this process asks for a run;
 * asking is throttled in the queue to one run per interval across every
 * instance, and one worker runs it. Should two runs meet anyway, the
 * outbox's keys tell each event once. Returns a function that stops asking.
 */
export async function runTimeNotificationsOn({ boss, pool }: { boss: PgBoss; pool: pg.Pool }, intervalSeconds = NOTIFICATIONS_INTERVAL_SECONDS): Promise<() => void> {
  await ensureQueue({ boss, pool }, NOTIFICATIONS_QUEUE, { retryLimit: 0, expireInSeconds: 15 * 60, retentionMinutes: 24 * 60 });
  await boss.work(NOTIFICATIONS_QUEUE, { pollingIntervalSeconds: Math.min(30, Math.max(0.5, intervalSeconds / 2)) }, async () => {
    try {
      const count = await notifyTimeEvents();
      if (count > 0) logger.info({ events: count }, "time-based notifications recorded");
    } catch (error) {
      logger.error({ err: error }, "time-based notifications failed");
    }
  });
  const ask = () =>
    boss
      .send(NOTIFICATIONS_QUEUE, {}, { singletonSeconds: intervalSeconds, retryLimit: 0 })
      .catch((error) => logger.warn({ err: error }, "could not queue the time-based notifications"));
  await ask();
  const timer = setInterval(ask, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
