import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatDay, formatEffort, formatHours } from "@/lib/domain/format";
import { PRIORITY_LABEL, STANDING_GLYPH, STANDING_LABEL } from "@/lib/domain/readiness/vocabulary";
import { PRIORITY_WORD, type ProjectReport, type ReportItem } from "@/lib/domain/report/report";

// The status report as a PDF, drawn on the server with pdfkit: no browser at
// run time. DejaVu Sans (from npm) carries the ○ ◐ ● ◆ glyphs and accents the
// built-in PDF fonts lack.
const FONTS = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
// Read once per process; pdfkit embeds only the glyphs a report uses.
const fonts = () => (fontFiles ??= { regular: readFileSync(path.join(FONTS, "DejaVuSans.ttf")), bold: readFileSync(path.join(FONTS, "DejaVuSans-Bold.ttf")) });
const REGULAR = "regular";
const BOLD = "bold";

const MARGIN = 48;
const INK = "#0f172a";
const MUTED = "#64748b";
const RULE = "#e2e8f0";

type Column = { header: string; width: number };

function drawTable(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]) {
  const x0 = MARGIN;
  const bottom = doc.page.height - MARGIN - 24;
  const padding = 3;
  const header = () => {
    doc.font(BOLD).fontSize(7.5).fillColor(MUTED);
    let x = x0;
    const y = doc.y;
    for (const column of columns) {
      doc.text(column.header.toUpperCase(), x + padding, y, { width: column.width - 2 * padding, lineBreak: false });
      x += column.width;
    }
    doc.y = y + 12;
    doc.moveTo(x0, doc.y).lineTo(x0 + columns.reduce((sum, c) => sum + c.width, 0), doc.y).strokeColor(RULE).lineWidth(0.8).stroke();
    doc.y += 3;
  };
  header();
  doc.font(REGULAR).fontSize(8.5).fillColor(INK);
  for (const row of rows) {
    const height = Math.max(...row.map((text, i) => doc.heightOfString(text || "—", { width: columns[i].width - 2 * padding }))) + 2 * padding;
    if (doc.y + height > bottom) {
      doc.addPage();
      header();
      doc.font(REGULAR).fontSize(8.5).fillColor(INK);
    }
    const y = doc.y;
    let x = x0;
    row.forEach((text, i) => {
      doc.text(text || "—", x + padding, y + padding, { width: columns[i].width - 2 * padding });
      x += columns[i].width;
    });
    doc.y = y + height;
    doc.moveTo(x0, doc.y).lineTo(x, doc.y).strokeColor(RULE).lineWidth(0.4).stroke();
  }
  doc.x = x0;
  doc.moveDown(0.8);
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  doc.x = MARGIN;
  doc.moveDown(0.6).font(BOLD).fontSize(12).fillColor(INK).text(text).moveDown(0.3);
  doc.font(REGULAR).fontSize(9);
}

const status = (item: ReportItem) => `${STANDING_GLYPH[item.standing]} ${STANDING_LABEL[item.standing]}`;
const due = (item: ReportItem) => (item.dueDate ? `${item.dueDate}${item.overdue ? " (overdue)" : ""}` : "");
const evidence = (item: ReportItem) => item.evidence.map((e) => `${e.label}${e.expired ? " (expired)" : ""}`).join("\n");

export function reportPdf(report: ProjectReport): Promise<Buffer> {
  const { project, summary } = report;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    font: path.join(FONTS, "DejaVuSans.ttf"),
    info: { Title: `${project.name} — production readiness`, Author: "Shipshape", CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont(REGULAR, fonts().regular);
  doc.registerFont(BOLD, fonts().bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  doc.font(BOLD).fontSize(20).fillColor(INK).text(project.name);
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(`Production readiness · report of ${formatDay(report.generatedAt)}`);
  if (project.description) doc.moveDown(0.3).fillColor(INK).fontSize(10).text(project.description);
  doc.moveDown(0.6);
  doc.font(BOLD).fontSize(30).fillColor(INK).text(`${summary.readinessPercent}%`);
  doc.font(BOLD).fontSize(12).fillColor("#4338ca").text(summary.level > 0 ? `Level ${summary.level} — ${summary.levelName}` : summary.levelName);
  doc.moveDown(0.3).font(REGULAR).fontSize(10).fillColor(INK);
  doc.text(
    `Launch blockers: ${summary.launchBlockers}   ·   Remaining effort: ${formatEffort(summary.remainingEffortHours)}   ·   ` +
      `Target launch: ${project.targetDate ? formatDay(project.targetDate) : "not set"}   ·   Done or waived: ${summary.counts.DONE + summary.counts.WAIVED} of ${summary.applicable}`,
  );

  heading(doc, "What the next level needs");
  if (summary.nextLevel) {
    doc.text(`Level ${summary.nextLevel.level} — ${summary.nextLevel.name} needs ${summary.nextLevel.outstanding} more item(s) done or waived:`);
    for (const item of summary.nextLevel.items) doc.text(`•  ${PRIORITY_WORD[item.priority]}  ${item.title} (${item.key})${item.owner ? ` — ${item.owner}` : ""}`, { indent: 8 });
  } else {
    doc.text("Every applicable item is done or waived.");
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
      category.items.map((item) => [`${item.title}\n${item.key}`, PRIORITY_LABEL[item.priority], status(item), item.owner ?? "", formatHours(item.effortHours), due(item), evidence(item)]),
    );
  }

  heading(doc, "Waivers");
  if (report.waivers.length === 0) doc.text("None.");
  for (const w of report.waivers) {
    const reason = w.reason.replace(/\s+/g, " ");
    doc.text(`•  ${w.title} (${w.key}): ${w.status === "APPROVED" ? `approved by ${w.approvedBy ?? "a lead"}` : "pending"}, until ${formatDay(w.expiresAt)} — “${reason}”`);
  }
  heading(doc, "Stale evidence");
  if (report.staleEvidence.length === 0) doc.text("None.");
  for (const e of report.staleEvidence) doc.text(`•  ${e.title} (${e.key}): ${e.label}, expired ${formatDay(e.expiresAt)}`);

  // Page numbers and the report date on every page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
    doc.text(`${project.name} · production readiness · ${report.generatedAt.slice(0, 10)} · page ${index + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 14, {
      width,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
