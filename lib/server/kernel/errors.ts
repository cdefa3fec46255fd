// The one error shape of Shipshape. Services throw AppError; server actions
// return it as { ok: false, error } and API handlers as { error } with the
// matching HTTP status. Field errors are keyed by the input's field names.
// The codes, their statuses and the body's shape are the contract's
// (lib/schemas/errors.ts).
import { z } from "zod";
import { ERRORS, type ErrorBody, type ErrorCode } from "@/lib/schemas/errors";

// What AppError.toBody() returns, for the adapters that send it.
export type { ErrorBody } from "@/lib/schemas/errors";

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
    return ERRORS[this.code].status;
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
