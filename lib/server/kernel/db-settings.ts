import "server-only";
import type pg from "pg";
import { parseDatabaseTimeouts } from "@/lib/server/kernel/config-schema";

/**
 * Connection settings every pool of the server shares (the main pool, the
 * rate limiter's, the health probe's): how long to wait for a connection and
 * for a statement, in milliseconds, from DATABASE_CONNECT_TIMEOUT_MS and
 * DATABASE_STATEMENT_TIMEOUT_MS. See docs/adr/0024-database-faults.md.
 *
 * - connectionTimeoutMillis bounds opening a connection and waiting for a
 *   free one in a full pool (pg-pool applies it to both).
 * - statement_timeout is PostgreSQL's own limit for one statement; a slow
 *   statement on a healthy server is cancelled there and reported as such.
 * - query_timeout is the client's limit for an answer. It is longer than the
 *   statement timeout, so it only fires when the server cannot answer at all
 *   (a frozen host, a half-open connection), where nothing else would.
 * - idle_in_transaction_session_timeout frees locks a stuck transaction holds.
 * - TCP keep-alive notices a peer that vanished while a connection was idle.
 */
export function poolSettings(env: Record<string, string | undefined> = process.env): pg.PoolConfig {
  const { DATABASE_CONNECT_TIMEOUT_MS: connect, DATABASE_STATEMENT_TIMEOUT_MS: statement } = parseDatabaseTimeouts(env);
  return {
    connectionString: env.DATABASE_URL ?? "",
    connectionTimeoutMillis: connect,
    statement_timeout: statement,
    query_timeout: statement + connect,
    idle_in_transaction_session_timeout: statement,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
