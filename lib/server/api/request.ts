import "server-only";
import type { z } from "zod";
import { AppError, invalidField, notFound, parseInput, validationError } from "@/lib/server/kernel/errors";

// Request bodies above this are refused before they are parsed.
const MAX_BODY_BYTES = 64 * 1024;

// A body the client stopped sending midway (it closed the connection) is its
// doing, not a fault here: a 400 logged as such, never a 500 sent to Sentry.
const cutShort = () =>
  new AppError("VALIDATION", "The request body ended before it was complete.", { _body: ["The request body ended before it was complete."] });
// Bytes that are not UTF-8 would otherwise turn into U+FFFD silently, and the
// stored text would differ from what was sent.
const notUtf8 = () => new AppError("VALIDATION", "The request body is not valid UTF-8.", { _body: ["The request body is not valid UTF-8."] });

async function readLimited(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw cutShort();
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw notUtf8();
  }
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

// A JSON body, validated with the endpoint's schema.
export async function jsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with `Content-Type: application/json`.");
  }
  const raw = await readLimited(request);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.", { _body: ["The request body is not valid JSON."] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("VALIDATION", "The request body must be a JSON object.", { _body: ["The request body must be a JSON object."] });
  }
  return parseInput(schema, body);
}

// Query parameters, validated; the first value of a repeated parameter wins.
export function queryOf<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const result = schema.safeParse(params);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

// Path parameters that do not parse name nothing that exists.
export function pathOf<S extends z.ZodType>(params: Record<string, string | string[]>, schema: S, what: string): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw notFound(what);
  return result.data;
}

// The version in an If-Match header: `"3"`, `W/"3"` or `3`.
function versionFromIfMatch(header: string | null): number | undefined {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header?.trim() ?? "");
  return match ? Number(match[1]) : undefined;
}

/**
 * The version a change is based on: the body's `version` field or the
 * If-Match header, which must agree when both are sent. An If-Match that names
 * no version (`*`, a list) or one the body contradicts would let the change
 * land on a version nobody read. Errors: VALIDATION on `If-Match` or `version`.
 */
export function versionSent(request: Request, bodyVersion: number | undefined): number {
  const ifMatch = request.headers.get("if-match");
  const headerVersion = versionFromIfMatch(ifMatch);
  if (ifMatch !== null && headerVersion === undefined) throw invalidField("If-Match", 'Send the one version you read, e.g. If-Match: "3".');
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw invalidField("version", `The version field (${bodyVersion}) and If-Match (${headerVersion}) disagree: send the one version you read.`);
  }
  const version = bodyVersion ?? headerVersion;
  if (version === undefined) {
    throw invalidField("version", "Send the version you read (the `version` field or an If-Match header), so that a change made meanwhile is not overwritten.");
  }
  return version;
}
