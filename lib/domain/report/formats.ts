// The reports' file formats, shared by the download routes, the API and the CLI.
import { reportCsv } from "./csv";
import { reportMarkdown } from "./markdown";
import { portfolioCsv } from "./portfolio-csv";
import { portfolioMarkdown } from "./portfolio-markdown";
import type { PortfolioReport } from "./portfolio";
import { dayIn } from "@/lib/domain/readiness/dates";
import { slugify } from "@/lib/domain/slug";
import type { ProjectReport } from "./report";

const CONTENT_TYPE = { md: "text/markdown; charset=utf-8", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;
const json = (report: object) => `${JSON.stringify(report, null, 2)}\n`;

export const REPORT_FORMATS = {
  md: { contentType: CONTENT_TYPE.md, render: reportMarkdown },
  csv: { contentType: CONTENT_TYPE.csv, render: reportCsv },
  json: { contentType: CONTENT_TYPE.json, render: (report: ProjectReport) => json(report) },
} as const;

export const PORTFOLIO_FORMATS = {
  md: { contentType: CONTENT_TYPE.md, render: portfolioMarkdown },
  csv: { contentType: CONTENT_TYPE.csv, render: portfolioCsv },
  json: { contentType: CONTENT_TYPE.json, render: (report: PortfolioReport) => json(report) },
} as const;

export type ReportFormat = keyof typeof REPORT_FORMATS;

// Every format a report can be downloaded in: the text ones above, and the
// PDF, which is drawn on the server (lib/server/report/).
export const EXPORT_FORMATS = ["md", "csv", "json", "pdf"] as const satisfies readonly (ReportFormat | "pdf")[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Named by the report's day in the team's zone, like the day the report says it is of.
const reportDay = (report: { generatedAt: string; timeZone: string }) => dayIn(new Date(report.generatedAt), report.timeZone);
export const reportFileName = (report: ProjectReport, format: string) => `${slugify(report.project.name, "project")}-readiness-${reportDay(report)}.${format}`;
export const portfolioFileName = (report: PortfolioReport, format: string) => `${report.team.slug}-portfolio-${reportDay(report)}.${format}`;
