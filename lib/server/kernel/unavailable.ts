import "server-only";
import { AppError } from "@/lib/server/kernel/errors";
import { RETRY_AFTER_SECONDS } from "@/lib/server/kernel/db-health";
import { isDatabaseUnavailable, isStatementTimeout } from "@/lib/server/kernel/db-faults";

/** The API's answer while the database is unreachable: 503 UNAVAILABLE, with the seconds to wait (Retry-After). */
export const databaseUnavailable = () =>
  new AppError("UNAVAILABLE", `Service unavailable: the database is not answering. Try again in ${RETRY_AFTER_SECONDS} s.`, undefined, {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });

/**
 * The answer to a request whose statement PostgreSQL cancelled at
 * DATABASE_STATEMENT_TIMEOUT_MS on a healthy server: 503 UNAVAILABLE with a
 * Retry-After, saying so, rather than a bare 500.
 */
export const statementTooSlow = () =>
  new AppError("UNAVAILABLE", `The database took too long to answer this request and stopped it. Try again in ${RETRY_AFTER_SECONDS} s; if it keeps happening, ask for less at once (a smaller page, fewer items).`, undefined, {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });

/**
 * The AppError a database fault stands for: unreachable (`databaseUnavailable`)
 * or a statement over its timeout (`statementTooSlow`); null for any other error.
 */
export function databaseFault(error: unknown): AppError | null {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (isStatementTimeout(error)) return statementTooSlow();
  return null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * The page a browser gets while the database is unreachable: status 503 with
 * Retry-After, a page of its own (no script, no data), in the words of the
 * app's error page. The proxy sends it before any rendering starts, because
 * a page that fails while rendering can only answer 500.
 */
export function unavailablePage(requestId: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}"><title>Service unavailable · Shipshape</title>
<style>body{font-family:system-ui,sans-serif;color:#0f172a;margin:0}main{max-width:32rem;margin:0 auto;padding:6rem 1rem;text-align:center}
h1{font-size:1.5rem;font-weight:600}p{color:#475569;font-size:.875rem}a{display:inline-block;margin-top:1.5rem;border-radius:.375rem;background:#4f46e5;color:#fff;padding:.5rem .875rem;font-size:.875rem;font-weight:600;text-decoration:none}</style>
</head><body><main><h1>Service unavailable</h1>
<p>Shipshape cannot reach its database right now. Try again shortly; this page reloads by itself.</p>
<p>Reference ${escapeHtml(requestId)}</p><a href="">Try again</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS), "x-request-id": requestId },
  });
}

/** The REST API's 503 while the database is unreachable: the one error shape, with Retry-After. */
export function unavailableJson(requestId: string): Response {
  return Response.json(
    { error: databaseUnavailable().toBody() },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS), "x-request-id": requestId } },
  );
}

/**
 * The answer to a server action (a POST with a `Next-Action` header) while
 * the database is unreachable. The browser's side of an action accepts only
 * Next's own response format, or a redirect named in `x-action-redirect`
 * (what Next itself sends for an action that redirects elsewhere); anything
 * else makes it throw, and the app shows "Something went wrong". This
 * redirect to `location` (the page the form is on) makes the browser load
 * that page in full, which the gate answers with the Service unavailable
 * page above, reloading by itself until the database is back. What the form
 * held is lost, as it would be with the error page; nothing was saved.
 */
export function unavailableAction(requestId: string, location: string): Response {
  return new Response(null, {
    status: 503,
    headers: {
      "x-action-redirect": `${location};replace`,
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_SECONDS),
      "x-request-id": requestId,
    },
  });
}
