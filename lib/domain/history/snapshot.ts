// A project's readiness at one moment, as the history keeps it: the headline
// numbers and each category's percent. Snapshots are taken when a change
// moves any of these numbers (at most one per project per hour: a later change
// in the same hour updates that hour's snapshot) and once a day regardless,
// so that time-driven changes such as expiring evidence are seen too.
import type { MatrixRow } from "@/lib/domain/readiness/matrix";
import type { LevelNumber, Readiness } from "@/lib/domain/readiness/score";

export type SnapshotTrigger = "CHANGE" | "DAILY";

export type SnapshotCategory = { id: string; name: string; percent: number; applicable: number };

export type SnapshotValues = {
  readinessPercent: number;
  level: LevelNumber;
  launchBlockers: number;
  remainingEffortHours: number;
  applicable: number;
  // null in snapshots taken before open items were counted.
  openItems: number | null;
  categories: SnapshotCategory[];
};

export type Snapshot = SnapshotValues & { takenAt: string; trigger: SnapshotTrigger };

export function snapshotValues(readiness: Readiness, matrix: readonly MatrixRow[]): SnapshotValues {
  return {
    readinessPercent: readiness.percent,
    level: readiness.level,
    launchBlockers: readiness.launchBlockers,
    remainingEffortHours: readiness.remainingEffortHours,
    applicable: readiness.applicable,
    openItems: readiness.openItems,
    categories: matrix.map((row) => ({ id: row.categoryId, name: row.name, percent: row.percent, applicable: row.applicable })),
  };
}

// Would a new snapshot say anything the last one does not?
export function sameReadiness(a: SnapshotValues, b: SnapshotValues): boolean {
  return (
    a.readinessPercent === b.readinessPercent &&
    a.level === b.level &&
    a.launchBlockers === b.launchBlockers &&
    a.remainingEffortHours === b.remainingEffortHours &&
    a.applicable === b.applicable &&
    a.openItems === b.openItems &&
    a.categories.length === b.categories.length &&
    a.categories.every((c, i) => {
      const other = b.categories[i];
      return c.id === other.id && c.name === other.name && c.percent === other.percent && c.applicable === other.applicable;
    })
  );
}

// The hour a snapshot belongs to; a project has at most one per hour.
export function snapshotHour(at: Date): Date {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

type TrendRow = { takenAt: string; overall: number } & Record<`category:${string}`, number | null>;
export type TrendSeries = { rows: TrendRow[]; categories: { id: string; name: string }[] };

// Rows for the trend chart: one per snapshot, the overall percent and each
// category's percent keyed by category id (so a renamed category stays one
// line, under its latest name). A category without applicable items, or not
// yet created, has no point.
export function trendSeries(snapshots: readonly (SnapshotValues & { takenAt: string })[]): TrendSeries {
  const names = new Map<string, string>();
  for (const snapshot of snapshots) for (const category of snapshot.categories) names.set(category.id, category.name);
  const rows = snapshots.map((snapshot) => {
    const row: TrendRow = { takenAt: snapshot.takenAt, overall: snapshot.readinessPercent };
    for (const id of names.keys()) {
      const category = snapshot.categories.find((c) => c.id === id);
      row[`category:${id}`] = category && category.applicable > 0 ? category.percent : null;
    }
    return row;
  });
  const latest = snapshots.at(-1)?.categories.map((c) => c.id) ?? [];
  // The latest order first, then categories that have since been removed.
  const ids = [...latest, ...[...names.keys()].filter((id) => !latest.includes(id))];
  return { rows, categories: ids.map((id) => ({ id, name: names.get(id) ?? id })) };
}
