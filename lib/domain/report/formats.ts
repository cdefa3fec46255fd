// The report's file formats, shared by the download route and the CLI.
import { reportCsv } from "./csv";
import { reportMarkdown } from "./markdown";
import { slugify } from "../slug";
import type { ProjectReport } from "./report";

export const REPORT_FORMATS = {
  md: { contentType: "text/markdown; charset=utf-8", render: reportMarkdown },
  csv: { contentType: "text/csv; charset=utf-8", render: reportCsv },
  json: { contentType: "application/json; charset=utf-8", render: (report: ProjectReport) => `${JSON.stringify(report, null, 2)}\n` },
} as const;

export type ReportFormat = keyof typeof REPORT_FORMATS;

// Every format a report can be downloaded in: the text ones above, and the
// PDF, which is drawn on the server (lib/server/report/pdf.ts).
export const EXPORT_FORMATS = ["md", "csv", "json", "pdf"] as const satisfies readonly (ReportFormat | "pdf")[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const reportFileName = (report: ProjectReport, format: string) => `${slugify(report.project.name, "project")}-readiness-${report.generatedAt.slice(0, 10)}.${format}`;
