// Requests Next itself would fail on with a 500 before any handler of ours
// runs; proxy.ts answers them with a 4xx first.
//
// A path whose percent-encoding does not decode to UTF-8 (`%ED%A0%80`, a lone
// surrogate; `%E0%A4%A`, cut short) names nothing the app serves. Next fails
// decoding it while matching dynamic routes: 400, in the API's JSON error
// shape under /api/.

/** Whether every percent-escape of the raw path decodes as UTF-8. */
export function decodablePath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}

/** The 400 for such a path: JSON under /api/, plain text elsewhere. */
export function malformedPathResponse(rawPath: string): Response {
  const message = "The request path is not valid: its percent-encoding does not decode to UTF-8 text.";
  if (rawPath.startsWith("/api/")) {
    return Response.json({ error: { code: "VALIDATION", message, fields: { path: [message] } } }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  return new Response(`${message}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

// Next's body limit for server actions (next.config.js, "2mb", which Next counts in MiB). A larger body
// makes Next throw inside its action handler, which answers 500.
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Whether Next will treat the request as a server action: a POST to a page
 * naming one in its Next-Action header (what the client sends), or a
 * multipart POST to a page (a form sent before the page's script ran). Route
 * handlers (everything under /api/) run no actions, whatever the headers say.
 */
export function isActionRequest(method: string, path: string, headers: Headers): boolean {
  if (method !== "POST" || path.startsWith("/api/")) return false;
  if (headers.has("next-action")) return true;
  return (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

const plainText = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * A server-action request whose body Next would fail on by size: 411 when it
 * does not say its length (a chunked body is only measured by reading it
 * past the limit, and browsers always send the length), 413 when the length
 * is over the limit; null to let it through.
 */
export function actionBodyResponse(method: string, path: string, headers: Headers): Response | null {
  if (!isActionRequest(method, path, headers)) return null;
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length.trim())) return plainText(411, "Send the form with a Content-Length: a form's body must state its size.");
  if (Number(length) <= ACTION_BODY_LIMIT_BYTES) return null;
  return plainText(413, "The form is larger than 2 MB; a document can be at most 1 MB.");
}
