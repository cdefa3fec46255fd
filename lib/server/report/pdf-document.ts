import "server-only";
import PDFDocument from "pdfkit";
import type { ChangeGroup } from "@/lib/domain/history/change-summary";
import type { RichText } from "./pdf-lines";
import { isolate, TextPen } from "./pdf-text";

// The pieces every Shipshape PDF is drawn with (pdfkit, on the server: no
// browser at run time). Text goes through the pen (pdf-text.ts), which picks
// a font per character from the Noto families and orders right-to-left text,
// so that names in any script print as typed.
export const REGULAR = "regular";
export const BOLD = "bold";

const MARGIN = 48;
export const INK = "#0f172a";
export const MUTED = "#64748b";
const RULE = "#e2e8f0";

export type Column = { header: string; width: number };

const HTTP_URL = /^https?:\/\//i;
/** A span that links to `url` when it is an http(s) URL (the only links Shipshape makes), else plain text. */
export const linked = (text: string, url: string | null | undefined) => ({ text, link: url && HTTP_URL.test(url) ? url : null });

// An A4 document collecting its bytes; finish() adds the footer (title, date,
// page N of M) to every page and resolves with the file. `date` is the
// instant of the report, `day` the day it names (the team's, see dayIn).
export function pdfDocument(title: string, date: string, day = date.slice(0, 10)) {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    // No default font: pdfkit's would be Helvetica, which cannot print most
    // of what the pen writes; the pen selects its fonts for every run.
    font: "",
    info: { Title: title, Author: "Shipshape", CreationDate: new Date(date) },
  });
  const pen = new TextPen(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  const finish = (footer: string): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      pen.font(REGULAR).fontSize(7.5).fillColor(MUTED);
      const line = pen.layout(`${footer} · ${day} · page ${index + 1} of ${range.count}`, width);
      pen.draw({ ...line, lines: line.lines.slice(0, 1) }, MARGIN, doc.page.height - MARGIN + 12, { width, align: "center" });
    }
    doc.end();
    return done;
  };
  return { doc, pen, width, finish };
}

/** A table with a header row repeated on each page; a row never splits across pages. Cells are rich text ("" prints "—"). */
export function drawTable(pen: TextPen, columns: Column[], rows: RichText[][]) {
  const doc = pen.doc;
  const x0 = MARGIN;
  const bottom = doc.page.height - MARGIN - 24;
  const padding = 3;
  const header = () => {
    pen.font(BOLD).fontSize(7.5).fillColor(MUTED);
    let x = x0;
    const y = doc.y;
    for (const column of columns) {
      const layout = pen.layout(column.header.toUpperCase(), column.width - 2 * padding);
      pen.draw({ ...layout, lines: layout.lines.slice(0, 1) }, x + padding, y);
      x += column.width;
    }
    doc.y = y + 12;
    doc.moveTo(x0, doc.y).lineTo(x0 + columns.reduce((sum, c) => sum + c.width, 0), doc.y).strokeColor(RULE).lineWidth(0.8).stroke();
    doc.y += 3;
  };
  header();
  pen.font(REGULAR).fontSize(8.5).fillColor(INK);
  for (const row of rows) {
    const cells = row.map((content, i) => pen.layout(isEmpty(content) ? "—" : content, columns[i].width - 2 * padding));
    const height = Math.max(...cells.map((cell) => cell.height)) + 2 * padding;
    if (doc.y + height > bottom) {
      doc.addPage();
      header();
      pen.font(REGULAR).fontSize(8.5).fillColor(INK);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((cell, i) => {
      pen.draw(cell, x + padding, y + padding);
      x += columns[i].width;
    });
    doc.y = y + height;
    doc.moveTo(x0, doc.y).lineTo(x, doc.y).strokeColor(RULE).lineWidth(0.4).stroke();
  }
  doc.x = x0;
  pen.moveDown(0.7);
}

const isEmpty = (content: RichText) => (typeof content === "string" ? content === "" : content.every((span) => span.text === ""));

export function heading(pen: TextPen, text: RichText) {
  const doc = pen.doc;
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  doc.x = MARGIN;
  pen.moveDown(0.6).font(BOLD).fontSize(12).fillColor(INK).text(text).moveDown(0.3);
  pen.font(REGULAR).fontSize(9);
}

// A comparison's groups of changes as short bulleted lists.
export function drawChanges(pen: TextPen, headline: string, groups: ChangeGroup[]) {
  pen.text(headline).moveDown(0.3);
  if (groups.length === 0) pen.text("No item changed.");
  for (const group of groups) {
    pen.font(BOLD).fontSize(9).text(`${group.title} (${group.entries.length})`).font(REGULAR);
    for (const entry of group.entries) {
      const detail = entry.evidence ? entry.evidence.label : entry.detail;
      pen.text(`•  ${isolate(entry.title)} (${entry.key})${detail ? `: ${isolate(detail)}` : ""}`, { indent: 8 });
    }
    pen.moveDown(0.3);
  }
}
