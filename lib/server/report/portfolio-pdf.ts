import "server-only";
import { formatDay, formatEffort } from "@/lib/domain/format";
import { dayIn } from "@/lib/domain/readiness/dates";
import { forecastCell, type PortfolioReport } from "@/lib/domain/report/portfolio";
import { BOLD, drawTable, heading, INK, MUTED, pdfDocument, REGULAR } from "./pdf-document";

// The portfolio report as a PDF: the totals, one table row per project, and
// each project's launch blockers.
export function portfolioPdf(report: PortfolioReport): Promise<Buffer> {
  const { doc, width, finish } = pdfDocument(`${report.team.name} — portfolio readiness`, report.generatedAt, dayIn(new Date(report.generatedAt), report.timeZone));
  const { totals } = report;
  doc.font(BOLD).fontSize(20).fillColor(INK).text(`${report.team.name}`);
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(`Portfolio readiness · report of ${formatDay(dayIn(new Date(report.generatedAt), report.timeZone))} · dates in ${report.timeZone}`);
  doc.moveDown(0.6).font(REGULAR).fontSize(10).fillColor(INK);
  doc.text(
    `Projects: ${totals.projects}   ·   Launch ready: ${totals.launchReady}   ·   Launch blockers: ${totals.launchBlockers}   ·   ` +
      `Remaining effort: ${formatEffort(totals.remainingEffortHours)}   ·   Forecast late for target: ${totals.lateForecasts}`,
  );

  heading(doc, "Projects");
  if (report.projects.length === 0) doc.text("No active projects.");
  else
    drawTable(
      doc,
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
        p.name,
        `${p.readinessPercent}%`,
        p.level > 0 ? `${p.level} — ${p.levelName}` : p.levelName,
        String(p.launchBlockers),
        formatEffort(p.remainingEffortHours),
        p.targetDate ? formatDay(p.targetDate) : "—",
        forecastCell(p.forecast),
      ]),
    );

  heading(doc, "Launch blockers");
  const blocked = report.projects.filter((p) => p.blockers.length > 0);
  if (blocked.length === 0) doc.text("None: every project has its critical items done or waived.");
  for (const project of blocked) {
    doc.font(BOLD).fontSize(10).text(project.name).font(REGULAR).fontSize(9);
    for (const b of project.blockers) doc.text(`•  ${b.title} (${b.key}) — ${b.owner ?? "unassigned"}${b.dueDate ? `, due ${b.dueDate}${b.overdue ? " (overdue)" : ""}` : ""}`, { indent: 8 });
    doc.moveDown(0.4);
  }
  return finish(`${report.team.name} · portfolio readiness`);
}
