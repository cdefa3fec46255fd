import "server-only";
import { formatDay, formatEffortCell, formatRemainingEffort, needsTriageText } from "@/lib/domain/format";
import { dayIn } from "@/lib/domain/readiness/dates";
import { forecastCell, type PortfolioReport } from "@/lib/domain/report/portfolio";
import { BOLD, drawTable, heading, INK, MUTED, pdfDocument, REGULAR } from "./pdf-document";
import { isolate } from "./pdf-text";

// The portfolio report as a PDF: the totals, one table row per project, and
// each project's launch blockers. Names users typed are isolated (pdf-text.ts).
export function portfolioPdf(report: PortfolioReport): Promise<Buffer> {
  const reportDay = dayIn(new Date(report.generatedAt), report.timeZone);
  const { pen, width, finish } = pdfDocument(`${report.team.name} — portfolio readiness`, report.generatedAt, reportDay);
  const { totals } = report;
  pen.font(BOLD).fontSize(20).fillColor(INK).text(isolate(report.team.name));
  pen.font(REGULAR).fontSize(9).fillColor(MUTED).text(`Portfolio readiness · report of ${formatDay(reportDay)} · dates in ${report.timeZone}`);
  pen.moveDown(0.6).font(REGULAR).fontSize(10).fillColor(INK);
  pen.text(
    `Projects: ${totals.projects}   ·   Launch ready: ${totals.launchReady}   ·   Launch blockers: ${totals.launchBlockers}   ·   ` +
      (totals.needsTriage > 0 ? `${needsTriageText(totals.needsTriage)}   ·   ` : "") +
      `Remaining effort: ${formatRemainingEffort(totals.remainingEffortHours, totals.unestimatedItems)}   ·   Forecast late for target: ${totals.lateForecasts}`,
  );

  heading(pen, "Projects");
  if (report.projects.length === 0) pen.text("No active projects.");
  else
    drawTable(
      pen,
      [
        { header: "Project", width: width * 0.18 },
        { header: "Readiness", width: width * 0.11 },
        { header: "Level", width: width * 0.18 },
        { header: "Blockers", width: width * 0.11 },
        { header: "Remaining", width: width * 0.11 },
        { header: "Target", width: width * 0.12 },
        { header: "Forecast", width: width * 0.19 },
      ],
      report.projects.map((p) => [
        isolate(p.name),
        `${p.readinessPercent}%`,
        (p.level > 0 ? `${p.level} — ${p.levelName}` : p.levelName) + (p.needsTriage > 0 ? ` (${p.needsTriage} to triage)` : ""),
        String(p.launchBlockers),
        formatEffortCell(p.remainingEffortHours, p.unestimatedItems),
        p.targetDate ? formatDay(p.targetDate) : "—",
        forecastCell(p.forecast),
      ]),
    );

  heading(pen, "Launch blockers");
  const blocked = report.projects.filter((p) => p.blockers.length > 0);
  if (blocked.length === 0) pen.text("None: every project has its critical items done or waived.");
  for (const project of blocked) {
    pen.font(BOLD).fontSize(10).text(isolate(project.name)).font(REGULAR).fontSize(9);
    for (const b of project.blockers)
      pen.text(`•  ${isolate(b.title)} (${b.key}) — ${b.owner ? isolate(b.owner) : "unassigned"}${b.dueDate ? `, due ${b.dueDate}${b.overdue ? " (overdue)" : ""}` : ""}`, { indent: 8 });
    pen.moveDown(0.4);
  }
  return finish(`${isolate(report.team.name)} · portfolio readiness`);
}
