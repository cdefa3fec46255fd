import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { sameReadiness, snapshotHour, snapshotValues, type SnapshotTrigger } from "@/lib/domain/history/snapshot";
import { dayIn, startOfDayIn } from "@/lib/domain/readiness/dates";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { authorize } from "@/lib/server/kernel/gate";
import { projectScoreSql, scoreProjectRow, type ProjectScoreRow } from "@/lib/server/read-models/project-score";
import { valuesOf, type SnapshotRow } from "@/lib/server/read-models/snapshot-values";

type Client = Prisma.TransactionClient;

type LatestSnapshot = SnapshotRow & { takenAt: string };

// The project's score (the API's one-statement tally) and its latest
// snapshot, in one statement: this runs inside every change to a project.
const scoreAndLatestSql = (teamId: string, projectId: string, now: Date) => Prisma.sql`
  SELECT score.*, (
    SELECT json_build_object(
      'takenAt', to_char(s."takenAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'readinessPercent', s."readinessPercent", 'level', s.level, 'launchBlockers', s."launchBlockers",
      'remainingEffortHours', s."remainingEffortHours", 'applicable', s.applicable, 'openItems', s."openItems", 'categories', s.categories)
    FROM readiness_snapshot s
    WHERE s."teamId" = ${teamId} AND s."projectId" = ${projectId}
    ORDER BY s."takenAt" DESC LIMIT 1
  ) AS latest
  FROM (${projectScoreSql(teamId, projectId, now)}) score`;

/** The instant today began in the team's zone: a snapshot since then is today's. */
export const startOfTeamDay = (now: Date, timeZone: string) => startOfDayIn(dayIn(now, timeZone), timeZone);

// Keeps a project's readiness history current (lib/domain/history/snapshot.ts):
// - CHANGE: the numbers moved since the last snapshot. A second change in the
//   same hour updates that hour's snapshot, so the hour ends with its last state.
// - DAILY: the project has no snapshot yet today, in the team's time zone.
// Two statements at most: the score with the latest snapshot, and the write.
// `team` is the project's team and its zone (an actor will do). True when it
// wrote a snapshot.
export async function recordReadinessSnapshot(
  client: Client,
  team: { teamId: string; timeZone: string },
  projectId: string,
  trigger: SnapshotTrigger,
  now = new Date(),
): Promise<boolean> {
  const { teamId, timeZone } = team;
  const row = (await client.$queryRaw<(ProjectScoreRow & { latest: LatestSnapshot | null })[]>(scoreAndLatestSql(teamId, projectId, now)))[0];
  // The change removed the project itself.
  if (!row) return false;
  const { readiness, matrix } = scoreProjectRow(row, now, timeZone);
  const values = snapshotValues(readiness, matrix);
  const { latest } = row;

  if (trigger === "DAILY" && latest && Date.parse(latest.takenAt) >= startOfTeamDay(now, timeZone).getTime()) return false;
  if (trigger === "CHANGE" && latest && sameReadiness(valuesOf(latest), values)) return false;

  const hour = snapshotHour(now);
  const data = { ...values, categories: values.categories as unknown as Prisma.InputJsonValue, takenAt: now };
  await client.readinessSnapshot.upsert({
    where: { projectId_hour: { projectId, hour } },
    create: { teamId, projectId, hour, trigger, ...data },
    update: data,
  });
  return true;
}

/**
 * The day's snapshot of one project, when it has none yet today (a DAILY
 * trigger, in its own transaction). Work Shipshape does by itself: the gate
 * lets only the system actor of the project's team do it (FORBIDDEN for
 * anyone else). True when it took one.
 *
 * Every server instance runs the daily job, so two may reach the same project
 * at once. The (projectId, hour) key alone would let two runs on either side
 * of an hour both write; a transaction-scoped advisory lock on the project
 * makes the second wait for the first to commit, and it then finds today's
 * snapshot and writes nothing.
 */
export async function takeDailySnapshot(actor: Actor, projectId: string, now = new Date()): Promise<boolean> {
  authorize(actor, "snapshot.takeDaily", { projectId });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DAILY_SNAPSHOT_LOCK}, hashtext(${projectId}))`;
    return recordReadinessSnapshot(tx, actor, projectId, "DAILY", now);
  });
}

// The advisory locks' namespace for daily snapshots (the two-key form: this
// key, then the project id's hash). Any fixed number no other lock uses.
const DAILY_SNAPSHOT_LOCK = 0x5d41;

