import { apiReportQuery, projectPath } from "@/lib/schemas/api";
import { reportFileName } from "@/lib/domain/report/formats";
import { apiEndpoint } from "@/lib/server/api/handler";
import { pathOf, queryOf } from "@/lib/server/api/request";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { downloadResponse, renderReport } from "@/lib/server/report/render";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

// The project's status report in any of its formats (docs/report-format.md).
export const GET = apiEndpoint("report.export", async ({ actor, request, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  const { format } = queryOf(request, apiReportQuery);
  const report = await loadProjectReport(actor, projectId);
  return downloadResponse(await renderReport(report, format), reportFileName(report, format), "inline");
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
