import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ChangeGroup } from "@/lib/domain/history/change-summary";

// The pieces every Shipshape PDF is drawn with (pdfkit, on the server: no
// browser at run time). DejaVu Sans (from npm) carries the ○ ◐ ● ◆ glyphs
// and accents the built-in PDF fonts lack.
const FONTS = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
// Read once per process; pdfkit embeds only the glyphs a document uses.
const fonts = () => (fontFiles ??= { regular: readFileSync(path.join(FONTS, "DejaVuSans.ttf")), bold: readFileSync(path.join(FONTS, "DejaVuSans-Bold.ttf")) });
export const REGULAR = "regular";
export const BOLD = "bold";

export const MARGIN = 48;
export const INK = "#0f172a";
export const MUTED = "#64748b";
const RULE = "#e2e8f0";

export type Column = { header: string; width: number };

// An A4 document collecting its bytes; finish() adds the footer (title, date,
// page N of M) to every page and resolves with the file. `date` is the
// instant of the report, `day` the day it names (the team's, see dayIn).
export function pdfDocument(title: string, date: string, day = date.slice(0, 10)) {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    font: path.join(FONTS, "DejaVuSans.ttf"),
    info: { Title: title, Author: "Shipshape", CreationDate: new Date(date) },
  });
  doc.registerFont(REGULAR, fonts().regular);
  doc.registerFont(BOLD, fonts().bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  const finish = (footer: string): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      // Writing inside the bottom margin would otherwise start a new page.
      doc.page.margins.bottom = 0;
      doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
      doc.text(`${footer} · ${day} · page ${index + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 14, { width, align: "center", lineBreak: false });
    }
    doc.end();
    return done;
  };
  return { doc, width, finish };
}

export function drawTable(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]) {
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

export function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  doc.x = MARGIN;
  doc.moveDown(0.6).font(BOLD).fontSize(12).fillColor(INK).text(text).moveDown(0.3);
  doc.font(REGULAR).fontSize(9);
}

// A comparison's groups of changes as short bulleted lists.
export function drawChanges(doc: PDFKit.PDFDocument, headline: string, groups: ChangeGroup[]) {
  doc.text(headline).moveDown(0.3);
  if (groups.length === 0) doc.text("No item changed.");
  for (const group of groups) {
    doc.font(BOLD).fontSize(9).text(`${group.title} (${group.entries.length})`).font(REGULAR);
    for (const entry of group.entries) {
      const detail = entry.evidence ? entry.evidence.label : entry.detail;
      doc.text(`•  ${entry.title} (${entry.key})${detail ? `: ${detail}` : ""}`, { indent: 8 });
    }
    doc.moveDown(0.3);
  }
}
