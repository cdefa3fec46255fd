import { z } from "zod";
import { EXPORT_FORMATS, reportFileName } from "@/lib/domain/report/formats";
import { errorResponse } from "@/lib/server/api/handler";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { downloadResponse, renderReport } from "@/lib/server/report/render";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(EXPORT_FORMATS).catch("md") });

// The report as a file, for the signed-in team member.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor("report.export");
  const { projectId } = await params;
  const { format } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const report = await loadProjectReport(actor, projectId);
    return downloadResponse(await renderReport(report, format), reportFileName(report, format));
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
