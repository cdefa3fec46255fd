import "server-only";
import { REPORT_FORMATS, type ExportFormat } from "@/lib/domain/report/formats";
import type { ProjectReport } from "@/lib/domain/report/report";
import { reportPdf } from "./pdf";

// A report in one of its file formats: the text ones from the pure renderers,
// the PDF drawn on the server.
export async function renderReport(report: ProjectReport, format: ExportFormat): Promise<{ body: string | Buffer; contentType: string }> {
  if (format === "pdf") return { body: await reportPdf(report), contentType: "application/pdf" };
  const { render, contentType } = REPORT_FORMATS[format];
  return { body: render(report), contentType };
}
