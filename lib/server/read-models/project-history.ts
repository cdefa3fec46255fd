import "server-only";
import { forecastLaunch, type Forecast } from "@/lib/domain/history/forecast";
import { compareStates, stateOfReport, type ReadinessState, type StateComparison } from "@/lib/domain/history/milestone-state";
import { snapshotValues, trendSeries, type Snapshot, type SnapshotValues, type TrendSeries } from "@/lib/domain/history/snapshot";
import { DAY_MS } from "@/lib/domain/readiness/dates";
import { LEVEL_NAME, type LevelNumber } from "@/lib/domain/readiness/score";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db, sqlRows } from "@/lib/server/kernel/db";
import { notFound, parseInput } from "@/lib/server/kernel/errors";
import { compareMilestonesInput } from "@/lib/schemas/milestone";
import { loadProjectReport } from "./project-report";
import { projectScoreSql, scoreProjectRow, type ProjectScoreRow } from "./project-score";
import { valuesOf } from "./snapshot-values";
import type { ProjectView } from "./project-view";

// How far back the history page looks.
export const HISTORY_DAYS = 90;

export type MilestoneView = { id: string; name: string; createdAt: string; createdBy: string; readinessPercent: number; level: LevelNumber; levelName: string };

export type ProjectHistory = {
  project: ProjectView;
  current: SnapshotValues & { takenAt: string };
  snapshots: Snapshot[];
  // The snapshots and the present, for the charts.
  trend: TrendSeries;
  burnDown: { takenAt: string; remainingEffortHours: number }[];
  // Open items without an estimate now: the remaining effort is a lower bound while any.
  unestimatedItems: number;
  forecast: Forecast;
  milestones: MilestoneView[];
};

const milestoneList = (teamId: string, projectId: string) =>
  db.milestone.findMany({
    where: { teamId, projectId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, createdByLabel: true, state: true },
  });

// Three statements, whatever the length of the history: the current score,
// the snapshots of the last HISTORY_DAYS days, and the milestones.
export async function loadProjectHistory(actor: Actor, projectId: string, now = new Date()): Promise<ProjectHistory> {
  authorize(actor, "project.read");
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const [scoreRows, snapshotRows, milestoneRows] = await Promise.all([
    sqlRows<ProjectScoreRow>(projectScoreSql(actor.teamId, projectId, now)),
    db.readinessSnapshot.findMany({ where: { teamId: actor.teamId, projectId, takenAt: { gte: since, lte: now } }, orderBy: { takenAt: "asc" } }),
    milestoneList(actor.teamId, projectId),
  ]);
  if (!scoreRows[0]) throw notFound("Project");
  const { project, readiness, matrix } = scoreProjectRow(scoreRows[0], now, actor.timeZone);
  const current = { ...snapshotValues(readiness, matrix), takenAt: now.toISOString() };
  const snapshots: Snapshot[] = snapshotRows.map((row) => ({ ...valuesOf(row), takenAt: row.takenAt.toISOString(), trigger: row.trigger }));
  const series = [...snapshots, current];
  return {
    project,
    current,
    snapshots,
    trend: trendSeries(series),
    burnDown: series.map(({ takenAt, remainingEffortHours }) => ({ takenAt, remainingEffortHours })),
    unestimatedItems: readiness.unestimatedItems,
    // The forecast looks at its own window of these.
    forecast: forecastLaunch(snapshots, readiness, now, project.targetDate, actor.timeZone),
    milestones: milestoneRows.map((row) => {
      const state = row.state as unknown as ReadinessState;
      return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), createdBy: row.createdByLabel, readinessPercent: state.readinessPercent, level: state.level, levelName: LEVEL_NAME[state.level] };
    }),
  };
}

// Any two milestones, or a milestone and the project as it is now.
export async function compareProjectStates(actor: Actor, projectId: string, input: unknown): Promise<StateComparison> {
  authorize(actor, "project.read");
  const { from, to } = parseInput(compareMilestonesInput, input);
  const ids = to === "now" ? [from] : [from, to];
  const rows = await db.milestone.findMany({ where: { teamId: actor.teamId, projectId, id: { in: ids } }, select: { id: true, name: true, state: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const start = byId.get(from);
  if (!start) throw notFound("Milestone");
  const fromState = start.state as unknown as ReadinessState;
  if (to === "now") return compareStates(fromState, start.name, stateOfReport(await loadProjectReport(actor, projectId)), "Now");
  const end = byId.get(to);
  if (!end) throw notFound("Milestone");
  return compareStates(fromState, start.name, end.state as unknown as ReadinessState, end.name);
}
