import "server-only";
import { formatDay, formatHours, formatRemainingEffort, needsTriageText } from "@/lib/domain/format";
import { changeGroups, changeHeadline } from "@/lib/domain/history/change-summary";
import { dayIn } from "@/lib/domain/readiness/dates";
import { forecastSentence } from "@/lib/domain/history/forecast";
import { priorityGroupOf, priorityLabel, STANDING_GLYPH, STANDING_LABEL } from "@/lib/domain/readiness/vocabulary";
import { nextLevelNeeds } from "@/lib/domain/report/markdown";
import { PRIORITY_WORD, type ProjectReport, type ReportItem } from "@/lib/domain/report/report";
import { BOLD, drawChanges, drawTable, heading, INK, MUTED, pdfDocument, REGULAR } from "./pdf-document";

// The status report as a PDF: the same sections as the report page.
const status = (item: ReportItem) => `${STANDING_GLYPH[item.standing]} ${STANDING_LABEL[item.standing]}`;
const due = (item: ReportItem) => (item.dueDate ? `${item.dueDate}${item.overdue ? " (overdue)" : ""}` : "");
const evidence = (item: ReportItem) => item.evidence.map((e) => `${e.label}${e.expired ? " (expired)" : ""}`).join("\n");

export function reportPdf(report: ProjectReport): Promise<Buffer> {
  const { project, summary } = report;
  const { doc, width, finish } = pdfDocument(`${project.name} — production readiness`, report.generatedAt, dayIn(new Date(report.generatedAt), report.timeZone));

  doc.font(BOLD).fontSize(20).fillColor(INK).text(project.name);
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(`Production readiness · report of ${formatDay(dayIn(new Date(report.generatedAt), report.timeZone))} · dates in ${report.timeZone}`);
  if (project.description) doc.moveDown(0.3).fillColor(INK).fontSize(10).text(project.description);
  doc.moveDown(0.6);
  doc.font(BOLD).fontSize(30).fillColor(INK).text(`${summary.readinessPercent}%`);
  doc.font(BOLD).fontSize(12).fillColor("#4338ca").text(summary.level > 0 ? `Level ${summary.level} — ${summary.levelName}` : summary.levelName);
  if (summary.needsTriage > 0) doc.font(BOLD).fontSize(10).fillColor("#b45309").text(`${needsTriageText(summary.needsTriage)}: no level above 1 until they are prioritised.`);
  doc.moveDown(0.3).font(REGULAR).fontSize(10).fillColor(INK);
  doc.text(
    `Launch blockers: ${summary.launchBlockers}   ·   Remaining effort: ${formatRemainingEffort(summary.remainingEffortHours, summary.unestimatedItems)}   ·   ` +
      `Target launch: ${project.targetDate ? formatDay(project.targetDate) : "not set"}   ·   Done or waived: ${summary.counts.DONE + summary.counts.WAIVED} of ${summary.applicable}`,
  );
  doc.fillColor(MUTED).text(`Forecast: ${forecastSentence(report.forecast, project.targetDate)}`).fillColor(INK);

  heading(doc, "What the next level needs");
  if (summary.nextLevel) {
    doc.text(`Level ${summary.nextLevel.level} — ${summary.nextLevel.name} needs ${nextLevelNeeds(summary.nextLevel)}:`);
    for (const item of summary.nextLevel.items) doc.text(`•  ${PRIORITY_WORD[priorityGroupOf(item.priority)]}  ${item.title} (${item.key})${item.owner ? ` — ${item.owner}` : ""}`, { indent: 8 });
  } else {
    doc.text("Every applicable item is done or waived.");
  }

  if (report.sinceMilestone) {
    heading(doc, `Changes since milestone “${report.sinceMilestone.from.name}”`);
    drawChanges(doc, changeHeadline(report.sinceMilestone, report.timeZone), changeGroups(report.sinceMilestone));
  }

  heading(doc, "Launch blockers");
  if (report.blockers.length === 0) doc.text("None: every critical item is done or waived.");
  else
    drawTable(
      doc,
      [
        { header: "Item", width: width * 0.46 },
        { header: "Status", width: width * 0.16 },
        { header: "Owner", width: width * 0.2 },
        { header: "Due", width: width * 0.18 },
      ],
      report.blockers.map((item) => [`${item.title}\n${item.key}`, status(item), item.owner ?? "unassigned", due(item)]),
    );

  heading(doc, "Readiness matrix");
  drawTable(
    doc,
    [
      { header: "Category", width: width * 0.46 },
      { header: "State", width: width * 0.12 },
      { header: "Done or waived", width: width * 0.24 },
      { header: "Readiness", width: width * 0.18 },
    ],
    report.categories.map((c) => [c.name, c.glyph, `${c.counts.DONE + c.counts.WAIVED} / ${c.applicable}`, `${c.percent}%`]),
  );

  for (const category of report.categories) {
    heading(doc, `${category.name} · ${category.percent}%`);
    drawTable(
      doc,
      [
        { header: "Item", width: width * 0.32 },
        { header: "Priority", width: width * 0.1 },
        { header: "Status", width: width * 0.13 },
        { header: "Owner", width: width * 0.14 },
        { header: "Effort", width: width * 0.08 },
        { header: "Due", width: width * 0.1 },
        { header: "Evidence", width: width * 0.13 },
      ],
      category.items.map((item) => [`${item.title}\n${item.key}`, priorityLabel(item.priority), status(item), item.owner ?? "", formatHours(item.effortHours), due(item), evidence(item)]),
    );
  }

  heading(doc, "Waivers");
  if (report.waivers.length === 0) doc.text("None.");
  for (const w of report.waivers) {
    const reason = w.reason.replace(/\s+/g, " ");
    doc.text(`•  ${w.title} (${w.key}): ${w.status === "APPROVED" ? `approved by ${w.approvedBy ?? "a lead"}` : "pending"}, until ${formatDay(w.expiresOn)} — “${reason}”`);
  }
  heading(doc, "Stale evidence");
  if (report.staleEvidence.length === 0) doc.text("None.");
  for (const e of report.staleEvidence) doc.text(`•  ${e.title} (${e.key}): ${e.label}, expired ${formatDay(e.expiresOn)}`);

  return finish(`${project.name} · production readiness`);
}
