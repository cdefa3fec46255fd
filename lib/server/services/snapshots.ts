import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { sameReadiness, snapshotHour, snapshotValues, type SnapshotTrigger } from "@/lib/domain/history/snapshot";
import { dayIn, startOfDayIn } from "@/lib/domain/readiness/dates";
import { newBlockers } from "@/lib/domain/notifications/change-rules";
import type { LevelNumber } from "@/lib/domain/readiness/score";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { authorize } from "@/lib/server/kernel/gate";
import { projectScoreSql, scoreProjectRow, type ProjectScoreRow } from "@/lib/server/read-models/project-score";
import { valuesOf, type SnapshotRow } from "@/lib/server/read-models/snapshot-values";
import { launchBlockerIdsSql } from "@/lib/server/read-models/standing-tally";
import { notifyReadinessMove } from "@/lib/server/notifications/readiness-events";

type Client = Prisma.TransactionClient;

type LatestSnapshot = SnapshotRow & { takenAt: string; launchBlockerIds: string[] | null };

// The project's score (the API's one-statement tally) and its latest
// snapshot, in one statement: this runs inside every change to a project.
const scoreAndLatestSql = (teamId: string, projectId: string, now: Date) => Prisma.sql`
  SELECT score.*, (
    SELECT json_build_object(
      'takenAt', to_char(s."takenAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'readinessPercent', s."readinessPercent", 'level', s.level, 'launchBlockers', s."launchBlockers",
      'remainingEffortHours', s."remainingEffortHours", 'applicable', s.applicable, 'openItems', s."openItems", 'categories', s.categories,
      'launchBlockerIds', s."launchBlockerIds")
    FROM readiness_snapshot s
    WHERE s."teamId" = ${teamId} AND s."projectId" = ${projectId}
    ORDER BY s."takenAt" DESC LIMIT 1
  ) AS latest, (${launchBlockerIdsSql(teamId, now, projectId)}) AS "blockerIds"
  FROM (${projectScoreSql(teamId, projectId, now)}) score`;

/** The instant today began in the team's zone: a snapshot since then is today's. */
export const startOfTeamDay = (now: Date, timeZone: string) => startOfDayIn(dayIn(now, timeZone), timeZone);

// Keeps a project's readiness history current (lib/domain/history/snapshot.ts):
// - CHANGE: the numbers moved since the last snapshot. A second change in the
//   same hour updates that hour's snapshot, so the hour ends with its last state.
// - DAILY: the project has no snapshot yet today, in the team's time zone.
// Each snapshot also keeps the project's launch blockers; a snapshot written
// tells the team's leads (readiness-events.ts) when the level moved since the
// one before, or an item became a blocker, in the same transaction.
// Two statements at most (the score with the latest snapshot, and the
// write), and the notifications' only when something moved. `actor` acts in
// the project's team, whose zone is its own. True when it wrote a snapshot.
export async function recordReadinessSnapshot(client: Client, actor: Actor, projectId: string, trigger: SnapshotTrigger, now = new Date()): Promise<boolean> {
  const { teamId, timeZone } = actor;
  const row = (await client.$queryRaw<(ProjectScoreRow & { latest: LatestSnapshot | null; blockerIds: string[] })[]>(scoreAndLatestSql(teamId, projectId, now)))[0];
  // The change removed the project itself.
  if (!row) return false;
  const { readiness, matrix } = scoreProjectRow(row, now, timeZone);
  const values = snapshotValues(readiness, matrix);
  const { latest, blockerIds } = row;
  const previousBlockers = latest?.launchBlockerIds ?? null;
  const sameBlockers = previousBlockers !== null && previousBlockers.length === blockerIds.length && previousBlockers.every((id, n) => id === blockerIds[n]);

  if (trigger === "DAILY" && latest && Date.parse(latest.takenAt) >= startOfTeamDay(now, timeZone).getTime()) return false;
  if (trigger === "CHANGE" && latest && sameReadiness(valuesOf(latest), values) && sameBlockers) return false;

  const hour = snapshotHour(now);
  const data = { ...values, categories: values.categories as unknown as Prisma.InputJsonValue, launchBlockerIds: blockerIds, takenAt: now };
  await client.readinessSnapshot.upsert({
    where: { projectId_hour: { projectId, hour } },
    create: { teamId, projectId, hour, trigger, ...data },
    update: data,
  });
  await notifyReadinessMove(client, actor, {
    project: { id: row.id, name: row.name },
    previousLevel: latest ? (latest.level as LevelNumber) : null,
    level: readiness.level,
    newBlockerIds: newBlockers(previousBlockers, blockerIds),
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

/**
 * Judges one project again because time has changed it: a waiver lapsed or
 * evidence expired since it was last judged (a CHANGE snapshot in its own
 * transaction, written only when something moved, telling the team as a
 * change does). Work Shipshape does by itself, allowed as the daily snapshot
 * is (FORBIDDEN for anyone else). Under the daily snapshot's lock, so two
 * runs reaching the project at once tell of a move once. True when it wrote
 * a snapshot.
 */
export async function recordReadinessAfterLapse(actor: Actor, projectId: string, now = new Date()): Promise<boolean> {
  authorize(actor, "snapshot.takeDaily", { projectId });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DAILY_SNAPSHOT_LOCK}, hashtext(${projectId}))`;
    return recordReadinessSnapshot(tx, actor, projectId, "CHANGE", now);
  });
}

// The advisory locks' namespace for daily snapshots (the two-key form: this
// key, then the project id's hash). Any fixed number no other lock uses.
const DAILY_SNAPSHOT_LOCK = 0x5d41;

