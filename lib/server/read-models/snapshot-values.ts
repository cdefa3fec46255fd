import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { SnapshotCategory, SnapshotValues } from "@/lib/domain/history/snapshot";
import type { LevelNumber } from "@/lib/domain/readiness/score";

/** A stored readiness snapshot's numbers, as a row of readiness_snapshot holds them. */
export type SnapshotRow = { readinessPercent: number; level: number; launchBlockers: number; remainingEffortHours: number; applicable: number; openItems: number | null; categories: Prisma.JsonValue };

/** The domain's snapshot values (lib/domain/history/snapshot.ts) of a stored row: read by the history page and by the snapshot writer to compare. */
export const valuesOf = (row: SnapshotRow): SnapshotValues => ({
  readinessPercent: row.readinessPercent,
  level: row.level as LevelNumber,
  launchBlockers: row.launchBlockers,
  remainingEffortHours: row.remainingEffortHours,
  applicable: row.applicable,
  openItems: row.openItems,
  categories: row.categories as unknown as SnapshotCategory[],
});
