import "server-only";
import { PORTFOLIO_FORMATS, REPORT_FORMATS, type ExportFormat } from "@/lib/domain/report/formats";
import type { PortfolioReport } from "@/lib/domain/report/portfolio";
import type { ProjectReport } from "@/lib/domain/report/report";
import { portfolioPdf } from "./portfolio-pdf";
import { reportPdf } from "./pdf";

type Rendered = { body: string | Buffer; contentType: string };

// A report in one of its file formats: the text ones from the pure renderers,
// the PDF drawn on the server.
export async function renderReport(report: ProjectReport, format: ExportFormat): Promise<Rendered> {
  if (format === "pdf") return { body: await reportPdf(report), contentType: "application/pdf" };
  const { render, contentType } = REPORT_FORMATS[format];
  return { body: render(report), contentType };
}

export async function renderPortfolio(report: PortfolioReport, format: ExportFormat): Promise<Rendered> {
  if (format === "pdf") return { body: await portfolioPdf(report), contentType: "application/pdf" };
  const { render, contentType } = PORTFOLIO_FORMATS[format];
  return { body: render(report), contentType };
}

// A rendered report as a download (the app's links) or inline (the API).
export function downloadResponse({ body, contentType }: Rendered, fileName: string, disposition: "attachment" | "inline" = "attachment"): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": contentType, "content-disposition": `${disposition}; filename="${fileName}"`, "cache-control": "no-store" },
  });
}
