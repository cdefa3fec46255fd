import "server-only";
import * as Sentry from "@sentry/nextjs";
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import { AppError, toErrorBody, type ErrorBody } from "@/lib/server/kernel/errors";
import { requestLogger } from "@/lib/server/kernel/logger";
import { describeDatabaseFailure } from "@/lib/server/kernel/db-faults";
import { databaseFault } from "@/lib/server/kernel/unavailable";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorBody };

// What a form submitted, to show again next to its errors: the named fields,
// or every text field. Pass `keep` when the form holds secrets (passwords).
export function formValues(form: FormData, keep?: string[]): Record<string, string> {
  const entries = keep ? keep.map((key) => [key, String(form.get(key) ?? "")]) : [...form.entries()].filter(([, value]) => typeof value === "string");
  return Object.fromEntries(entries);
}

// Wraps a server action body: expected failures (validation, permission,
// conflict …) come back as the one error shape; anything else is logged,
// reported to Sentry (when configured) and hidden behind a generic message.
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    // The database unreachable or a statement over its timeout: said as such, not as a fault of ours.
    const fault = databaseFault(error);
    if (fault) {
      requestLogger((await headers()).get("x-request-id")).warn({ reason: describeDatabaseFailure(error) }, fault.message);
      return { ok: false, error: fault.toBody() };
    }
    const requestId = (await headers()).get("x-request-id");
    requestLogger(requestId).error({ err: error }, "server action failed");
    Sentry.captureException(error);
    return { ok: false, error: toErrorBody(error) };
  }
}
