import "server-only";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/domain/report/formats";
import type { ProjectReport } from "@/lib/domain/report/report";
import { reportPdf } from "./pdf";

export const EXPORT_FORMATS = ["md", "csv", "json", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// A report in one of its file formats: the text ones from the pure renderers,
// the PDF drawn on the server.
export async function renderReport(report: ProjectReport, format: ExportFormat): Promise<{ body: string | Buffer; contentType: string }> {
  if (format === "pdf") return { body: await reportPdf(report), contentType: "application/pdf" };
  const { render, contentType } = REPORT_FORMATS[format as ReportFormat];
  return { body: render(report), contentType };
}
