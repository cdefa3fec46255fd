import { apiReportQuery } from "@/lib/schemas/api";
import { portfolioFileName } from "@/lib/domain/report/formats";
import { apiEndpoint } from "@/lib/server/api/handler";
import { queryOf } from "@/lib/server/api/request";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { downloadResponse, renderPortfolio } from "@/lib/server/report/render";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

// The team's portfolio report in any of its formats (docs/report-format.md).
export const GET = apiEndpoint("report.export", async ({ actor, request }) => {
  const { format } = queryOf(request, apiReportQuery);
  const report = await loadPortfolioReport(actor);
  return downloadResponse(await renderPortfolio(report, format), portfolioFileName(report, format), "inline");
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
