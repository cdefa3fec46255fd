import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";

// The mark scripts/malformed-actions.cjs puts on every request that calls a
// server action. Setting `started` tells it that Next decoded the request and
// Shipshape's own code runs: a 500 from here on is ours, not the client's.
const REQUEST_MARKS = Symbol.for("shipshape.action-request");

/** Notes that the current request's action has begun; nothing when no preload marks requests (development, tests). */
export function markActionStarted(): void {
  const marks = (globalThis as Record<symbol, AsyncLocalStorage<{ started: boolean }> | undefined>)[REQUEST_MARKS];
  const mark = marks?.getStore();
  if (mark) mark.started = true;
}
