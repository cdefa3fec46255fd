import "server-only";
import * as Sentry from "@sentry/nextjs";
import pg from "pg";
import { describeDatabaseFailure, isDatabaseUnavailable } from "@/lib/server/kernel/db-faults";
import { poolSettings } from "@/lib/server/kernel/db-settings";
import { logger } from "@/lib/server/kernel/logger";

// What this process knows about its database: when it last answered, when it
// last failed, and whether it is taken to be down. The proxy (its own bundle),
// the readiness route and the pools (the app's bundle) share one record, kept
// on globalThis, in one process. See docs/adr/0024-database-faults.md.
type Health = {
  answeredAt: number;
  failedAt: number;
  down: boolean;
  reason?: string;
  probe?: Promise<Probe>;
  pool?: pg.Pool;
};

export type Probe = { ok: true; latencyMs: number } | { ok: false; reason: string };

const KEY = Symbol.for("shipshape.database-health");
const health: Health = ((globalThis as Record<symbol, Health | undefined>)[KEY] ??= { answeredAt: 0, failedAt: 0, down: false });

/** The longest a probe waits for the database, in milliseconds (readiness, the proxy's gate). */
export const PROBE_DEADLINE_MS = 2_000;
// A database that answered this recently is taken to be up without a probe:
// under traffic, every request's own statements keep this fresh.
const FRESH_MS = 3_000;
// While down, a probe at most this often; requests in between get 503 at once.
const RECHECK_MS = 1_000;
/** Seconds a client is asked to wait (Retry-After) while the database is down. */
export const RETRY_AFTER_SECONDS = 5;

/** Records that the database answered a statement. */
export function noteDatabaseAnswered(): void {
  health.answeredAt = Date.now();
  if (!health.down) return;
  health.down = false;
  logger.warn({ after: health.reason }, "database answers again");
}

/** Records a failure; only failures that mean "unreachable / not answering" mark the database down. */
export function noteDatabaseFailed(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  health.failedAt = Date.now();
  health.reason = describeDatabaseFailure(error);
  if (health.down) return;
  health.down = true;
  // Once per outage: an operator wants to hear that the database went away,
  // not about every request refused while it is away.
  logger.error({ reason: health.reason }, "database unavailable; pages and the API answer 503 until it answers again");
  Sentry.captureException(new Error(`Database unavailable: ${health.reason}`));
}

/**
 * Keeps the shared record up to date from a pool's own traffic, and discards
 * a connection handed back while still waiting for an answer (a statement
 * that hit the client-side timeout inside a transaction): re-used, it would
 * make the next request wait for the same silent server.
 */
export function watchPool(pool: pg.Pool, name: string): void {
  pool.on("error", (error) => {
    logger.warn({ pool: name, reason: describeDatabaseFailure(error) }, "idle database connection lost");
    noteDatabaseFailed(error);
  });
  pool.on("release", (error: Error | undefined, client: pg.PoolClient) => {
    if (error) return noteDatabaseFailed(error);
    if ((client as unknown as { readyForQuery?: boolean }).readyForQuery === false) {
      // Ending a client with a statement in flight destroys its socket; the
      // pool then drops it instead of keeping it.
      void client.end().catch(() => {});
      return;
    }
    noteDatabaseAnswered();
  });
}

function probePool(): pg.Pool {
  if (health.pool) return health.pool;
  const settings = poolSettings();
  const pool = new pg.Pool({
    ...settings,
    // Its own two connections, so readiness answers even while the main pool
    // is exhausted, and never holds more than two hung sockets.
    max: 2,
    connectionTimeoutMillis: Math.min(settings.connectionTimeoutMillis ?? PROBE_DEADLINE_MS, PROBE_DEADLINE_MS),
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  pool.on("error", (error) => noteDatabaseFailed(error));
  health.pool = pool;
  return pool;
}

async function runProbe(deadlineMs: number): Promise<Probe> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    // The statement's own timeout frees the connection; the race bounds the
    // wait for a connection as well.
    const query = { text: "SELECT 1", query_timeout: deadlineMs } as pg.QueryConfig;
    await Promise.race([
      probePool().query(query),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
      }),
    ]);
    noteDatabaseAnswered();
    return { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    noteDatabaseFailed(error);
    return { ok: false, reason: describeDatabaseFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the database for `SELECT 1` on a pool of its own, waiting at most
 * `deadlineMs`. Concurrent callers share one probe. Never throws.
 */
export function probeDatabase(deadlineMs = PROBE_DEADLINE_MS): Promise<Probe> {
  health.probe ??= runProbe(deadlineMs).finally(() => {
    health.probe = undefined;
  });
  return health.probe;
}

/**
 * Whether a request that needs the database should go ahead: yes when the
 * database answered within the last few seconds; no, at once, while it is
 * known to be down and was probed within the last second; otherwise after a
 * probe (at most PROBE_DEADLINE_MS).
 */
export async function databaseLikelyUp(): Promise<boolean> {
  const now = Date.now();
  if (!health.down && now - health.answeredAt < FRESH_MS) return true;
  if (health.down && now - health.failedAt < RECHECK_MS) return false;
  return (await probeDatabase()).ok;
}
