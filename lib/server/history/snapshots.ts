import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { sameReadiness, snapshotHour, snapshotValues, type SnapshotCategory, type SnapshotTrigger, type SnapshotValues } from "@/lib/domain/history/snapshot";
import type { LevelNumber } from "@/lib/domain/readiness/score";
import { projectScoreSql, scoreProjectRow, type ProjectScoreRow } from "@/lib/server/read-models/project-score";

type Client = Prisma.TransactionClient;

const startOfUtcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

// Keeps a project's readiness history current (lib/domain/history/snapshot.ts):
// - CHANGE: the numbers moved since the last snapshot. A second change in the
//   same hour updates that hour's snapshot, so the hour ends with its last state.
// - DAILY: the project has no snapshot yet today (UTC).
// Three statements at most: the score, the latest snapshot, the write.
export async function recordReadinessSnapshot(client: Client, teamId: string, projectId: string, trigger: SnapshotTrigger, now = new Date()): Promise<void> {
  const row = (await client.$queryRaw<ProjectScoreRow[]>(projectScoreSql(teamId, projectId, now)))[0];
  // The change removed the project itself.
  if (!row) return;
  const { readiness, matrix } = scoreProjectRow(row, now);
  const values = snapshotValues(readiness, matrix);
  const latest = await client.readinessSnapshot.findFirst({ where: { teamId, projectId }, orderBy: { takenAt: "desc" } });

  if (trigger === "DAILY" && latest && latest.takenAt >= startOfUtcDay(now)) return;
  if (trigger === "CHANGE" && latest && sameReadiness(valuesOf(latest), values)) return;

  const hour = snapshotHour(now);
  const data = { ...values, categories: values.categories as unknown as Prisma.InputJsonValue, takenAt: now };
  await client.readinessSnapshot.upsert({
    where: { projectId_hour: { projectId, hour } },
    create: { teamId, projectId, hour, trigger, ...data },
    update: data,
  });
}

type SnapshotRow = { readinessPercent: number; level: number; launchBlockers: number; remainingEffortHours: number; applicable: number; categories: Prisma.JsonValue };

export const valuesOf = (row: SnapshotRow): SnapshotValues => ({
  readinessPercent: row.readinessPercent,
  level: row.level as LevelNumber,
  launchBlockers: row.launchBlockers,
  remainingEffortHours: row.remainingEffortHours,
  applicable: row.applicable,
  categories: row.categories as unknown as SnapshotCategory[],
});
