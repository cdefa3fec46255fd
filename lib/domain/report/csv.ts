// The status report as CSV: one row per item with every field. RFC 4180
// quoting and CRLF line ends, UTF-8 with a byte-order mark so that Excel
// reads the glyphs and accents right (LibreOffice and Numbers ignore it).
// Cells that a spreadsheet would run as a formula start with a quote.
import { allItems, type ProjectReport } from "./report";

export const CSV_BOM = "\uFEFF";

const COLUMNS = [
  "project",
  "category",
  "key",
  "title",
  "priority",
  "status",
  "standing",
  "owner",
  "due_date",
  "overdue",
  "effort_hours",
  "not_applicable_reason",
  "evidence_count",
  "evidence",
  "waiver",
  "waiver_expires",
  // The team's IANA zone, in which due dates, "overdue" and expiry days were judged.
  "time_zone",
] as const;

export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  let text = String(value);
  // Numbers stay numbers (a negative one is not a formula); text that starts
  // like a formula is made inert.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type CsvValue = string | number | boolean | null;

// Header and rows as one CSV file: BOM, quoted cells, CRLF after every row.
export function csvDocument(columns: readonly string[], rows: CsvValue[][]): string {
  return CSV_BOM + [columns as CsvValue[], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function reportCsv(report: ProjectReport): string {
  const rows = allItems(report).map((item) => [
    report.project.name,
    item.category,
    item.key,
    item.title,
    item.priority,
    item.status,
    item.standing,
    item.owner,
    item.dueDate,
    item.overdue,
    item.effortHours,
    item.notApplicableReason,
    item.evidence.length,
    item.evidence.map((e) => e.url ?? e.path ?? e.label).join(" "),
    item.waiver ? item.waiver.status : null,
    item.waiver ? item.waiver.expiresOn : null,
    report.timeZone,
  ]);
  return csvDocument(COLUMNS, rows);
}
