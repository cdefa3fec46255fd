import "server-only";
import { startOfUtcDay } from "@/lib/domain/readiness/dates";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { recordReadinessSnapshot } from "./snapshots";

// The daily snapshot of every active project that has none yet today. Safe to
// run from several server instances at once: each project's snapshot is
// keyed by its hour, and a project that has one today is skipped.
export async function takeDailySnapshots(now = new Date()): Promise<number> {
  const due = await db.project.findMany({
    where: { archivedAt: null, snapshots: { none: { takenAt: { gte: startOfUtcDay(now) } } } },
    select: { id: true, teamId: true },
  });
  for (const project of due) {
    await db.$transaction((tx) => recordReadinessSnapshot(tx, project.teamId, project.id, "DAILY", now));
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
