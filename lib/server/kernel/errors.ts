// The one error shape of Shipshape. Services throw AppError; server actions
// return it as { ok: false, error } and API handlers as { error } with the
// matching HTTP status. Field errors are keyed by the input's field names.
import { z } from "zod";

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  // Machine-readable context, e.g. the current state of a record on CONFLICT.
  details?: Record<string, unknown>;
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError("CONFLICT", message, undefined, details);
export const invalidField = (field: string, message: string, details?: Record<string, unknown>) =>
  new AppError("VALIDATION", message, { [field]: [message] }, details);

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return new AppError("VALIDATION", "Some fields need attention.", fields);
}

// Validates input with the shared schema, or throws a field-level AppError.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: "INTERNAL", message: "Something went wrong on our side. It has been logged." };
}
