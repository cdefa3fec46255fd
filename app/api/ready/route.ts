import { PROBE_DEADLINE_MS, probeDatabase } from "@/lib/server/kernel/db-health";
import { logger } from "@/lib/server/kernel/logger";

// Readiness: the database answers `SELECT 1` within a short deadline. The
// probe has a pool of its own (two connections, each statement bounded), so
// this answers even when the main pool is exhausted, and a frozen database
// costs at most two hung sockets, not one per check. A failure is a 503 with
// a reason, never a crash. See docs/adr/0024-database-faults.md.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const probe = await probeDatabase(PROBE_DEADLINE_MS);
  if (probe.ok) {
    return Response.json({ status: "ready", database: "ok", latencyMs: probe.latencyMs }, { headers: { "cache-control": "no-store" } });
  }
  logger.warn({ requestId: request.headers.get("x-request-id"), reason: probe.reason }, "readiness check failed");
  return Response.json(
    { status: "unavailable", database: "unreachable", reason: "The database did not answer." },
    { status: 503, headers: { "cache-control": "no-store" } },
  );
}
