import "server-only";
import { formatDay, formatHours, formatRemainingEffort, needsTriageText, noLaunchBlockersText } from "@/lib/domain/format";
import { changeGroups, changeHeadline } from "@/lib/domain/history/change-summary";
import { dayIn } from "@/lib/domain/readiness/dates";
import { forecastSentence } from "@/lib/domain/history/forecast";
import { priorityGroupOf, priorityLabel, STANDING_GLYPH, STANDING_LABEL } from "@/lib/domain/readiness/vocabulary";
import { nextLevelNeeds } from "@/lib/domain/report/markdown";
import { PRIORITY_WORD, type ProjectReport, type ReportItem } from "@/lib/domain/report/report";
import { BOLD, drawChanges, drawTable, heading, INK, linked, MUTED, pdfDocument, REGULAR } from "./pdf-document";
import type { Span } from "./pdf-lines";
import { isolate } from "./pdf-text";

// The status report as a PDF: the same sections as the report page. Every
// text a user typed is isolated (pdf-text.ts) so that it keeps its own
// direction; URLs are link annotations.
const status = (item: ReportItem) =>
  `${STANDING_GLYPH[item.standing]} ${STANDING_LABEL[item.standing]}${item.standing === "NOT_APPLICABLE" && item.notApplicableReason ? `: ${isolate(item.notApplicableReason)}` : ""}`;
const due = (item: ReportItem) => (item.dueDate ? `${item.dueDate}${item.overdue ? " (overdue)" : ""}` : "");
const evidence = (item: ReportItem): Span[] =>
  item.evidence.flatMap((e, i) => [...(i > 0 ? [{ text: "\n" }] : []), linked(isolate(e.label), e.url), ...(e.expired ? [{ text: " (expired)" }] : [])]);
const titleAndKey = (item: { title: string; key: string }) => `${isolate(item.title)}\n${item.key}`;

export function reportPdf(report: ProjectReport): Promise<Buffer> {
  const { project, summary } = report;
  const reportDay = dayIn(new Date(report.generatedAt), report.timeZone);
  const { pen, width, finish } = pdfDocument(`${project.name} — production readiness`, report.generatedAt, reportDay);

  pen.font(BOLD).fontSize(20).fillColor(INK).text(isolate(project.name));
  pen.font(REGULAR).fontSize(9).fillColor(MUTED).text(`Production readiness · report of ${formatDay(reportDay)} · dates in ${report.timeZone}`);
  if (project.description) pen.moveDown(0.3).fillColor(INK).fontSize(10).text(isolate(project.description));
  const urls = [
    ["Production", project.productionUrl],
    ["Repository", project.repositoryUrl],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (urls.length > 0) {
    pen.moveDown(0.3).fillColor(INK).fontSize(9).text(urls.flatMap(([label, url], i) => [{ text: `${i > 0 ? "   ·   " : ""}${label}: ` }, linked(url, url)]));
  }
  pen.moveDown(0.6);
  pen.font(BOLD).fontSize(30).fillColor(INK).text(`${summary.readinessPercent}%`);
  pen.font(BOLD).fontSize(12).fillColor("#4338ca").text(summary.level > 0 ? `Level ${summary.level} — ${summary.levelName}` : summary.levelName);
  if (summary.needsTriage > 0) pen.font(BOLD).fontSize(10).fillColor("#b45309").text(`${needsTriageText(summary.needsTriage)}: no level above 1 until they are prioritised.`);
  pen.moveDown(0.3).font(REGULAR).fontSize(10).fillColor(INK);
  pen.text(
    `Launch blockers: ${summary.launchBlockers}   ·   Remaining effort: ${formatRemainingEffort(summary.remainingEffortHours, summary.unestimatedItems)}   ·   ` +
      `Target launch: ${project.targetDate ? formatDay(project.targetDate) : "not set"}   ·   Done or waived: ${summary.counts.DONE + summary.counts.WAIVED} of ${summary.applicable}`,
  );
  pen.fillColor(MUTED).text(`Forecast: ${forecastSentence(report.forecast, project.targetDate)}`).fillColor(INK);

  heading(pen, "What the next level needs");
  if (summary.nextLevel) {
    pen.text(`Level ${summary.nextLevel.level} — ${summary.nextLevel.name} needs ${nextLevelNeeds(summary.nextLevel)}:`);
    for (const item of summary.nextLevel.items)
      pen.text(`•  ${PRIORITY_WORD[priorityGroupOf(item.priority)]}  ${isolate(item.title)} (${item.key})${item.owner ? ` — ${isolate(item.owner)}` : ""}`, { indent: 8 });
  } else {
    pen.text("Every applicable item is done or waived.");
  }

  if (report.sinceMilestone) {
    heading(pen, `Changes since milestone “${isolate(report.sinceMilestone.from.name)}”`);
    drawChanges(pen, changeHeadline(report.sinceMilestone, report.timeZone), changeGroups(report.sinceMilestone));
  }

  heading(pen, "Launch blockers");
  if (report.blockers.length === 0) pen.text(noLaunchBlockersText(summary.needsTriage));
  else
    drawTable(
      pen,
      [
        { header: "Item", width: width * 0.46 },
        { header: "Status", width: width * 0.16 },
        { header: "Owner", width: width * 0.2 },
        { header: "Due", width: width * 0.18 },
      ],
      report.blockers.map((item) => [titleAndKey(item), status(item), item.owner ? isolate(item.owner) : "unassigned", due(item)]),
    );

  heading(pen, "Readiness matrix");
  drawTable(
    pen,
    [
      { header: "Category", width: width * 0.46 },
      { header: "State", width: width * 0.12 },
      { header: "Done or waived", width: width * 0.24 },
      { header: "Readiness", width: width * 0.18 },
    ],
    report.categories.map((c) => [isolate(c.name), c.glyph, `${c.counts.DONE + c.counts.WAIVED} / ${c.applicable}`, `${c.percent}%`]),
  );

  for (const category of report.categories) {
    heading(pen, `${isolate(category.name)} · ${category.percent}%`);
    drawTable(
      pen,
      [
        { header: "Item", width: width * 0.31 },
        { header: "Priority", width: width * 0.1 },
        { header: "Status", width: width * 0.13 },
        { header: "Owner", width: width * 0.14 },
        { header: "Effort", width: width * 0.08 },
        // Wide enough for a date (2027-01-10) on one line.
        { header: "Due", width: width * 0.11 },
        { header: "Evidence", width: width * 0.13 },
      ],
      category.items.map((item) => [titleAndKey(item), priorityLabel(item.priority), status(item), item.owner ? isolate(item.owner) : "", formatHours(item.effortHours), due(item), evidence(item)]),
    );
  }

  heading(pen, "Waivers");
  if (report.waivers.length === 0) pen.text("None.");
  for (const w of report.waivers) {
    const reason = w.reason.replace(/\s+/g, " ");
    pen.text(`•  ${isolate(w.title)} (${w.key}): ${w.status === "APPROVED" ? `approved by ${w.approvedBy ? isolate(w.approvedBy) : "a lead"}` : "pending"}, until ${formatDay(w.expiresOn)} — “${isolate(reason)}”`);
  }
  heading(pen, "Stale evidence");
  if (report.staleEvidence.length === 0) pen.text("None.");
  for (const e of report.staleEvidence) pen.text([{ text: `•  ${isolate(e.title)} (${e.key}): ` }, linked(isolate(e.label), e.url), { text: `, expired ${formatDay(e.expiresOn)}` }]);

  return finish(`${isolate(project.name)} · production readiness`);
}
