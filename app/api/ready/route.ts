import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";

// Readiness: the database answers within a short deadline. A failure is a
// 503 with a reason, never a crash.
export const dynamic = "force-dynamic";
const DEADLINE_MS = 2_000;

export async function GET(request: Request) {
  const started = Date.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS)),
    ]);
    return Response.json({ status: "ready", database: "ok", latencyMs: Date.now() - started }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ requestId: request.headers.get("x-request-id"), reason }, "readiness check failed");
    return Response.json(
      { status: "unavailable", database: "unreachable", reason: "The database did not answer." },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
