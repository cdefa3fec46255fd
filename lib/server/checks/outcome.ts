// Helpers every runner uses to build its outcome: the duration, and turning
// an exception into a failed outcome instead of letting it escape.
import { CheckFailure } from "./network-guard";
import type { CheckOutcome } from "./types";

/** Runs a check body, timing it; any CheckFailure (or unexpected error) becomes a failed outcome. */
export async function timed(body: () => Promise<Omit<CheckOutcome, "durationMs">>): Promise<CheckOutcome> {
  const started = performance.now();
  try {
    const outcome = await body();
    return { ...outcome, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    if (error instanceof CheckFailure) return { passed: false, summary: error.message, details: { ...error.details, error: error.message }, durationMs };
    // A bug or an unforeseen fault of the target: still an outcome, never a crash of the worker.
    const message = error instanceof Error ? error.message : String(error);
    return { passed: false, summary: `check failed: ${message}`, details: { error: message }, durationMs };
  }
}
