import "server-only";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";
import { observeJob, type JobProgress } from "@/lib/server/kernel/metrics";
import { systemActor } from "@/lib/server/access/system";
import { startOfTeamDay, takeDailySnapshot } from "@/lib/server/services/snapshots";

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

// Checks every SNAPSHOT_CHECK_INTERVAL_SECONDS (an hour by default, and a
// minute after start-up, or sooner with a shorter interval) rather than at
// midnight, so a server that was down at midnight still takes the day's
// snapshot. Every instance checks on its own; takeDailySnapshot keeps it to
// one snapshot a day. The next check is set when one ends, so a slow check
// never overlaps the next in the same process.
export function scheduleDailySnapshots(): void {
  const intervalMs = config().SNAPSHOT_CHECK_INTERVAL_SECONDS * 1000;
  const check = () => {
    takeDailySnapshots()
      .then(
        (count) => count > 0 && logger.info({ projects: count }, "daily readiness snapshots taken"),
        (error) => logger.error({ err: error }, "daily readiness snapshots failed"),
      )
      .finally(() => setTimeout(check, intervalMs).unref());
  };
  setTimeout(check, Math.min(60_000, intervalMs)).unref();
}
