import { z } from "zod";
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, reportFileName } from "@/lib/domain/report/formats";
import { errorResponse } from "@/lib/server/api/handler";
import { requireActor } from "@/lib/server/auth/current-actor";
import { loadProjectReport } from "@/lib/server/read-models/project-report";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(REPORT_FORMAT_NAMES as [string, ...string[]]).catch("md") });

// The report as a file, for the signed-in team member.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor("report.export");
  const { projectId } = await params;
  const format = query.parse(Object.fromEntries(new URL(request.url).searchParams)).format as keyof typeof REPORT_FORMATS;
  try {
    const report = await loadProjectReport(actor, projectId);
    return new Response(REPORT_FORMATS[format].render(report), {
      headers: {
        "content-type": REPORT_FORMATS[format].contentType,
        "content-disposition": `attachment; filename="${reportFileName(report, format)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
