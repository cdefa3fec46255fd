// Liveness: the process is up and serving. Never touches the database, so an
// orchestrator does not restart a healthy process during a database outage.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
