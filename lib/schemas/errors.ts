// Shipshape's one list of error codes: each code's HTTP status and, for the
// codes the REST API answers with, what it means to a caller. The server's
// AppError (lib/server/kernel/errors.ts), the OpenAPI document
// (lib/server/api/openapi.ts), the forms and the CLI all take the codes and
// the error body from here, so a code cannot be added to one and not the others.
import { z } from "zod";

export const ERRORS = {
  VALIDATION: { status: 400, api: "The request is not valid: see `error.fields` for each field's problem." },
  UNAUTHENTICATED: { status: 401, api: "The token is missing, malformed, unknown, revoked or expired." },
  FORBIDDEN: { status: 403, api: "The token's scope does not allow this." },
  NOT_FOUND: { status: 404, api: "Nothing with that id or key in the token's team." },
  CONFLICT: {
    status: 409,
    api:
      "A field you are changing was changed by someone else since the version you sent (or the project is archived). " +
      "`error.message` says who changed what, in words; `error.details.changes` lists those changes and `error.details.current` holds the item now.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, api: "The body is larger than 64 KiB." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, api: "The body is not JSON." },
  RATE_LIMITED: { status: 429, api: "Too many requests with this token (or, without a valid token, from this address). Wait `Retry-After` seconds." },
  // Not listed per operation in the API document: any request may meet them.
  // METHOD_NOT_ALLOWED answers a method the path does not have (its Allow header lists those it has).
  METHOD_NOT_ALLOWED: { status: 405 },
  UNAVAILABLE: { status: 503 },
  INTERNAL: { status: 500 },
} as const satisfies Record<string, { status: number; api?: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The codes an API operation declares in the OpenAPI document (those with an `api` meaning). */
export type ApiErrorCode = { [C in ErrorCode]: (typeof ERRORS)[C] extends { api: string } ? C : never }[ErrorCode];

const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

/** The body of every error: server actions return it as `{ ok: false, error }`, the API as `{ error }`. */
const errorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Messages per request field." }),
  // Machine-readable context, e.g. the current state of a record on CONFLICT.
  details: z.record(z.string(), z.unknown()).optional().meta({ description: "Context, e.g. the item's current state on CONFLICT." }),
});

export type ErrorBody = z.infer<typeof errorBody>;

/** An API error answer: `{ error: ErrorBody }`. */
export const apiError = z.object({ error: errorBody }).meta({ id: "Error" });
