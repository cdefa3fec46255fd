import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/server/kernel/errors";
import { metricsRegistry } from "@/lib/server/kernel/metrics";
import { errorResponse } from "./handler";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether an Authorization header value is `Bearer <expected>`. The token is
 * everything after `Bearer ` up to trailing white space, since METRICS_TOKEN
 * may be any text of 16 characters or more, spaces inside included. The two
 * tokens' SHA-256 digests are compared in constant time: equal lengths for
 * timingSafeEqual, and the time taken says nothing of how much was right.
 */
export function bearerMatches(authorization: string | null, expected: string): boolean {
  const presented = /^Bearer[ ]+(.*?)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(expected)) && presented.length > 0;
}

/**
 * GET /api/metrics: the process's metrics in Prometheus' text format
 * (docs/adr/0027-metrics.md). `token` is METRICS_TOKEN: unset, the answer is
 * a bare 404 whatever the request sends; set, a request without
 * `Authorization: Bearer <token>` gets 401 in the API's error shape.
 */
export async function metricsResponse(request: Request, token: string | undefined): Promise<Response> {
  if (!token) return new Response(null, { status: 404, headers: { "cache-control": "no-store" } });
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    return errorResponse(new AppError("UNAUTHENTICATED", "Send the metrics token (METRICS_TOKEN) as `Authorization: Bearer <token>`."), request.headers.get("x-request-id"));
  }
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
