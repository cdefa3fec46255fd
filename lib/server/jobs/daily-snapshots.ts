import "server-only";
import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";
import { observeJob, type JobProgress } from "@/lib/server/kernel/metrics";
import { systemActor } from "@/lib/server/access/system";
import { startOfTeamDay, takeDailySnapshot } from "@/lib/server/services/snapshots";

// The daily snapshot of every active project that has none yet today, "today"
// being the day in its team's time zone. Safe to run from several server
// instances at once: each project's snapshot is keyed by its hour, and a
// project that has one today is skipped (recordReadinessSnapshot checks again
// inside its transaction). One statement, then one transaction per project
// due, taken by Shipshape itself: the system actor of the project's team.
// Each run, and the projects still due while it runs, show in /api/metrics.
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
  for (const project of due) {
    const actor = systemActor({ teamId: project.teamId, timeZone: project.team.timeZone }, "daily snapshots");
    await takeDailySnapshot(actor, project.id, now);
    progress.done();
  }
  return due.length;
}

const HOUR_MS = 3_600_000;

// Checks once an hour (and a minute after start-up) rather than at midnight,
// so a server that was down at midnight still takes the day's snapshot.
export function scheduleDailySnapshots(): void {
  const run = () =>
    takeDailySnapshots().then(
      (count) => count > 0 && logger.info({ projects: count }, "daily readiness snapshots taken"),
      (error) => logger.error({ err: error }, "daily readiness snapshots failed"),
    );
  setTimeout(run, 60_000).unref();
  setInterval(run, HOUR_MS).unref();
}
