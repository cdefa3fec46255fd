import "server-only";
import { AppError } from "@/lib/server/kernel/errors";
import { errorResponse } from "./handler";

// Next answers a method a route file does not export with a bare 405 (no
// body, no Allow); the API answers every request in its JSON error shape, so
// each route exports the methods it lacks from here.
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A handler for a method the path does not have: 405 METHOD_NOT_ALLOWED in
 * the error shape, with `Allow` listing the path's methods (HEAD and OPTIONS,
 * which Next answers for every GET route, included).
 */
export function methodNotAllowed(...allowed: Method[]) {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return async (request: Request): Promise<Response> => {
    const error = new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed here; use ${allowed.join(" or ")}.`, undefined, { allow: allowed });
    const response = errorResponse(error, request.headers.get("x-request-id"));
    response.headers.set("allow", allow);
    return response;
  };
}

/** Any request to a path the API does not have: 404 NOT_FOUND in the error shape. */
export async function noSuchEndpoint(request: Request): Promise<Response> {
  const path = safePath(request.url);
  const error = new AppError("NOT_FOUND", `There is no endpoint at ${path}; the endpoints are listed at /api/v1/openapi.json.`);
  return errorResponse(error, request.headers.get("x-request-id"));
}

// The path as sent, for the message (percent-encoded, so any bytes are safe to show).
function safePath(url: string): string {
  try {
    return new URL(url).pathname.slice(0, 200);
  } catch {
    return "(unreadable)";
  }
}
