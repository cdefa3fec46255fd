// The portfolio report: every active project of a team on one page, with the
// same headline numbers each project's own report shows (scored by the one
// scoring module), its launch blockers and its forecast. This is also the
// JSON export's schema; PORTFOLIO_SCHEMA names its version.
import type { Forecast } from "@/lib/domain/history/forecast";
import type { LevelNumber } from "@/lib/domain/readiness/score";

export const PORTFOLIO_SCHEMA = "shipshape.portfolio/v1";

export type PortfolioBlocker = { key: string; title: string; owner: string | null; dueDate: string | null; overdue: boolean };

export type PortfolioEntry = {
  id: string;
  name: string;
  readinessPercent: number;
  level: LevelNumber;
  levelName: string;
  launchBlockers: number;
  // Applicable items without a priority: while any, the level is at most 1.
  needsTriage: number;
  // A lower bound while unestimatedItems > 0.
  remainingEffortHours: number;
  unestimatedItems: number;
  doneOrWaived: number;
  applicable: number;
  targetDate: string | null;
  daysToTarget: number | null;
  forecast: Forecast;
  blockers: PortfolioBlocker[];
};

export type PortfolioReport = {
  schema: typeof PORTFOLIO_SCHEMA;
  generatedAt: string;
  // The team's IANA time zone, in which every day of the report is judged.
  timeZone: string;
  team: { name: string; slug: string };
  totals: { projects: number; launchReady: number; launchBlockers: number; needsTriage: number; remainingEffortHours: number; unestimatedItems: number; lateForecasts: number };
  projects: PortfolioEntry[];
};

// Level 2 and up: every critical and high item done or waived.
const isLaunchReady = (entry: Pick<PortfolioEntry, "level">) => entry.level >= 2;

export function portfolioTotals(projects: readonly PortfolioEntry[]): PortfolioReport["totals"] {
  return {
    projects: projects.length,
    launchReady: projects.filter(isLaunchReady).length,
    launchBlockers: projects.reduce((sum, p) => sum + p.launchBlockers, 0),
    needsTriage: projects.reduce((sum, p) => sum + p.needsTriage, 0),
    remainingEffortHours: Math.round(projects.reduce((sum, p) => sum + p.remainingEffortHours, 0) * 100) / 100,
    unestimatedItems: projects.reduce((sum, p) => sum + p.unestimatedItems, 0),
    lateForecasts: projects.filter((p) => p.forecast.state === "forecast" && p.forecast.onTrack === false).length,
  };
}

// A project's forecast in a table cell: the date, and how it stands against the target.
export function forecastCell(forecast: Forecast): string {
  switch (forecast.state) {
    case "done":
      return "done";
    case "insufficient-history":
      return "not enough history";
    case "no-progress":
      return "no progress lately";
    case "forecast": {
      const notes = [
        forecast.slackDays !== null && (forecast.slackDays >= 0 ? `${forecast.slackDays} d early` : `${-forecast.slackDays} d late`),
        forecast.basis === "items" && "by items closed",
      ].filter(Boolean);
      return notes.length ? `${forecast.date} (${notes.join(", ")})` : forecast.date;
    }
  }
}
