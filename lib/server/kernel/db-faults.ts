import "server-only";

// Which errors mean "the database cannot be reached or did not answer", as
// opposed to a statement that failed on a healthy server. Those become 503
// (try again shortly), not 500. Errors arrive from pg directly (sqlRows, the
// rate limiter, the probe) or wrapped by Prisma, so codes and messages of
// both are recognised, down the `cause` chain.

// Node's socket errors, PostgreSQL's connection-exception class (08) and
// its operator-intervention shutdowns (57P01-57P03), and Prisma's "cannot
// reach", "timed out", "connection closed" and "pool timeout" codes.
const CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN",
  "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03",
  "P1001", "P1002", "P1008", "P1017", "P2024",
]);

// pg's own messages (a client-side query timeout, a connection cut, a
// connect timeout), Prisma's, and the health probe's deadline.
const MESSAGES =
  /Query read timeout|Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|Timed out fetching a new connection|DatabaseNotReachable|ConnectionClosed|SocketTimeout|no answer within \d+ ms|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

/** True when `error` (or one of its causes) says the database is unreachable or not answering. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth += 1) {
    const { code, message, kind } = current as { code?: unknown; message?: unknown; kind?: unknown };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (typeof kind === "string" && MESSAGES.test(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when `error` (or one of its causes) is PostgreSQL cancelling a
 * statement at its statement_timeout (SQLSTATE 57014, "canceling statement
 * due to statement timeout"): the server is up, but this request asked for
 * more than it may take.
 */
export function isStatementTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (code === "57014" && typeof message === "string" && /statement timeout/i.test(message)) return true;
    if (typeof message === "string" && /canceling statement due to statement timeout/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A short description of a database failure for logs: the code and message, never the connection URL. */
export function describeDatabaseFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${typeof code === "string" ? `${code}: ` : ""}${error.message}`.replace(/postgres(ql)?:\/\/\S+/g, "postgresql://…").slice(0, 300);
}
