import "server-only";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";
import { observeJob, type JobProgress } from "@/lib/server/kernel/metrics";
import { systemActor } from "@/lib/server/access/system";
import { startOfTeamDay, takeDailySnapshot } from "@/lib/server/services/snapshots";
import { ensureQueue } from "./boss";

// The daily snapshot of every active project that has none yet today, "today"
// being the day in its team's time zone. Safe to run from several server
// instances at once: a project that has one today is skipped, and
// takeDailySnapshot checks again under a lock on the project. One statement,
// then one transaction per project due, taken by Shipshape itself: the system
// actor of the project's team. Returns how many snapshots it took. Each run,
// and the projects still due while it runs, show in /api/metrics.
export function takeDailySnapshots(now = new Date()): Promise<number> {
  return observeJob("daily-snapshots", (progress) => snapshotDueProjects(now, progress));
}

async function snapshotDueProjects(now: Date, progress: JobProgress): Promise<number> {
  const projects = await db.project.findMany({
    where: { archivedAt: null },
    relationLoadStrategy: "join",
    select: {
      id: true,
      teamId: true,
      team: { select: { timeZone: true } },
      // The latest snapshot, through the (projectId, hour) key: one snapshot an hour.
      snapshots: { orderBy: { hour: "desc" }, take: 1, select: { takenAt: true } },
    },
  });
  const due = projects.filter((project) => {
    const latest = project.snapshots[0]?.takenAt;
    return !latest || latest < startOfTeamDay(now, project.team.timeZone);
  });
  progress.due(due.length);
  let taken = 0;
  for (const project of due) {
    const actor = systemActor({ teamId: project.teamId, timeZone: project.team.timeZone }, "daily snapshots");
    if (await takeDailySnapshot(actor, project.id, now)) taken += 1;
    progress.done();
  }
  return taken;
}

/** The queue of daily snapshot runs. */
export const SNAPSHOT_QUEUE = "daily-snapshots";

// pg-boss keeps a throttled job's key for as long as it keeps finished jobs
// unarchived (a day here); a longer interval is throttled to that.
const MAX_THROTTLE_SECONDS = 12 * 60 * 60;

/**
 * Runs the daily snapshots on the job queue: every
 * SNAPSHOT_CHECK_INTERVAL_SECONDS (`intervalSeconds`; an hour by default),
 * and once at start-up, this process asks for a run. Asking is throttled in
 * the queue to one run per interval across every instance (the first to ask
 * in an interval queues it; the others find it queued), and one worker of
 * one instance runs it. Looking every interval rather than at midnight
 * means a server that was down at midnight still takes the day's snapshot;
 * takeDailySnapshot keeps it to one a day whatever runs. Returns a function
 * that stops asking.
 */
export async function runDailySnapshotsOn({ boss, pool }: { boss: PgBoss; pool: pg.Pool }, intervalSeconds: number): Promise<() => void> {
  await ensureQueue({ boss, pool }, SNAPSHOT_QUEUE, { retryLimit: 0, expireInSeconds: 15 * 60, retentionMinutes: 24 * 60 });
  await boss.work(SNAPSHOT_QUEUE, { pollingIntervalSeconds: Math.min(30, Math.max(0.5, intervalSeconds / 2)) }, async () => {
    try {
      const count = await takeDailySnapshots();
      if (count > 0) logger.info({ projects: count }, "daily readiness snapshots taken");
    } catch (error) {
      logger.error({ err: error }, "daily readiness snapshots failed");
    }
  });
  const ask = () =>
    boss
      .send(SNAPSHOT_QUEUE, {}, { singletonSeconds: Math.min(intervalSeconds, MAX_THROTTLE_SECONDS), retryLimit: 0 })
      .catch((error) => logger.warn({ err: error }, "could not queue the daily readiness snapshots"));
  await ask();
  const timer = setInterval(ask, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
