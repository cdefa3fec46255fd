// The portfolio report as CSV: one row per project, quoted and with a BOM
// like the project report's CSV (csv.ts).
import { csvDocument } from "./csv";
import type { PortfolioReport } from "./portfolio";

const COLUMNS = [
  "project",
  "project_id",
  "readiness_percent",
  "level",
  "level_name",
  "launch_blockers",
  "needs_triage",
  "done_or_waived",
  "applicable",
  "remaining_effort_hours",
  "unestimated_items",
  "target_date",
  "days_to_target",
  "forecast_date",
  "forecast_slack_days",
  "forecast_state",
  "blockers",
  // The team's IANA zone, in which days to target and forecast dates were judged.
  "time_zone",
];

export function portfolioCsv(report: PortfolioReport): string {
  return csvDocument(
    COLUMNS,
    report.projects.map((p) => [
      p.name,
      p.id,
      p.readinessPercent,
      p.level,
      p.levelName,
      p.launchBlockers,
      p.needsTriage,
      p.doneOrWaived,
      p.applicable,
      p.remainingEffortHours,
      p.unestimatedItems,
      p.targetDate,
      p.daysToTarget,
      p.forecast.state === "forecast" ? p.forecast.date : null,
      p.forecast.state === "forecast" ? p.forecast.slackDays : null,
      p.forecast.state,
      p.blockers.map((b) => b.key).join(" "),
      report.timeZone,
    ]),
  );
}
