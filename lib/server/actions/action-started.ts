import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";

// The mark scripts/malformed-actions.cjs puts on every request that calls a
// server action. Setting `started` tells it that Next decoded the request and
// Shipshape's own code runs: a 500 from here on is ours, not the client's.
const REQUEST_MARKS = Symbol.for("shipshape.action-request");

const currentMark = () => (globalThis as Record<symbol, AsyncLocalStorage<{ started: boolean }> | undefined>)[REQUEST_MARKS]?.getStore();

/** Notes that the current request's action has begun; nothing when no preload marks requests (development, tests). */
export function markActionStarted(): void {
  const mark = currentMark();
  if (mark) mark.started = true;
}

/**
 * True while handling a server-action request whose action never began: an
 * error now is Next failing to decode what the client sent (answered 400 by
 * the preload), not a fault of Shipshape's to report.
 */
export function actionArgumentsUnread(): boolean {
  const mark = currentMark();
  return mark !== undefined && !mark.started;
}
