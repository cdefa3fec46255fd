import { z } from "zod";
import { EXPORT_FORMATS, portfolioFileName } from "@/lib/domain/report/formats";
import { errorResponse } from "@/lib/server/api/handler";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { downloadResponse, renderPortfolio } from "@/lib/server/report/render";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(EXPORT_FORMATS).catch("md") });

// The team's portfolio report as a file, for the signed-in team member.
export async function GET(request: Request) {
  const actor = await requireActor("report.export");
  const { format } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const report = await loadPortfolioReport(actor);
    return downloadResponse(await renderPortfolio(report, format), portfolioFileName(report, format));
  } catch (error) {
    return errorResponse(error, request.headers.get("x-request-id"));
  }
}
