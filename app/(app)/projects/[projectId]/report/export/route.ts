import { z } from "zod";
import { reportCsv } from "@/lib/domain/report/csv";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import type { ProjectReport } from "@/lib/domain/report/report";
import { slugify } from "@/lib/server/services/scope";
import { requireActor } from "@/lib/server/auth/current-actor";
import { errorResponse } from "@/lib/server/api/handler";
import { loadProjectReport } from "@/lib/server/read-models/project-report";

export const dynamic = "force-dynamic";

const EXPORTS = {
  md: { type: "text/markdown; charset=utf-8", render: reportMarkdown },
  csv: { type: "text/csv; charset=utf-8", render: reportCsv },
  json: { type: "application/json; charset=utf-8", render: (report: ProjectReport) => `${JSON.stringify(report, null, 2)}\n` },
} as const;

const query = z.object({ format: z.enum(["md", "csv", "json"]).catch("md") });

// The report as a file, for the signed-in team member.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor("report.export");
  const { projectId } = await params;
  const { format } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const report = await loadProjectReport(actor, projectId);
    const file = `${slugify(report.project.name, "project")}-readiness-${report.generatedAt.slice(0, 10)}.${format}`;
    return new Response(EXPORTS[format].render(report), {
      headers: { "content-type": EXPORTS[format].type, "content-disposition": `attachment; filename="${file}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
