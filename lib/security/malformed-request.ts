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

/** A server-action request that declares a body over the limit: 413, or null to let it through. */
export function oversizedActionResponse(method: string, headers: Headers): Response | null {
  if (method !== "POST" || !headers.has("next-action")) return null;
  const declared = Number(headers.get("content-length") ?? "0");
  if (!(declared > ACTION_BODY_LIMIT_BYTES)) return null;
  return new Response("The form is larger than 2 MB; a document can be at most 1 MB.\n", { status: 413, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
