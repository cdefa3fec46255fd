// Prometheus metrics for the operator's scraper, behind METRICS_TOKEN
// (docs/adr/0027-metrics.md). Not part of the REST API: no user, no API token.
import { metricsResponse } from "@/lib/server/api/metrics";
import { config } from "@/lib/server/kernel/config";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request, config().METRICS_TOKEN);
}
