import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { watchPool } from "@/lib/server/kernel/db-health";
import { poolSettings } from "@/lib/server/kernel/db-settings";

// Prisma stores UTC in columns without a time zone. Read them back as UTC
// (and calendar days as UTC midnight), as Prisma does, whatever the time zone
// of the server. Prisma's adapter sets its own parsers per query.
const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;
function getTypeParser(oid: number, format?: "text" | "binary") {
  if (format !== "binary" && oid === DATE_OID) return (value: string) => new Date(`${value}T00:00:00Z`);
  if (format !== "binary" && oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  return pg.types.getTypeParser(oid, format);
}

function createClient(pool: pg.Pool) {
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    // Query events only feed the counter below (query budgets in tests, the benchmark).
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => {
    sqlStatements.count += 1;
  });
  return client;
}

// Shared like the pool below: the client that counts may come from another copy of this module.
const sqlStatements = ((globalThis as unknown as { shipshapeSqlStatements?: { count: number } }).shipshapeSqlStatements ??= { count: 0 });

// SQL statements sent since the process started. Tests and the benchmark take
// the difference around a call to count its queries.
export const sqlStatementCount = () => sqlStatements.count;

// One pool and one client per process, kept on globalThis: Next bundles this
// module once per layer (pages and route handlers, server actions, start-up
// jobs), and each copy would otherwise open a pool of its own, multiplying
// the connections an instance may hold (docs/several-instances.md); in
// development, hot reloads would open a new one on every edit. sqlRows below
// uses the same pool.
// No connection is opened here; a missing DATABASE_URL is reported by the
// config check at start-up, and `next build` imports this without one.
const globalForDb = globalThis as unknown as { shipshapePool?: pg.Pool; shipshapeDb?: PrismaClient };
// Timeouts on every connection (lib/server/kernel/db-settings.ts), so a
// database that stops answering fails a request in seconds, not minutes.
const pool: pg.Pool = globalForDb.shipshapePool ?? new pg.Pool({ ...poolSettings(), types: { getTypeParser } });
export const db: PrismaClient = globalForDb.shipshapeDb ?? createClient(pool);
// An idle connection the server closes (a restart, a failover) is replaced on
// the next query; without a listener the error would stop the process. The
// watcher also tells the proxy's gate whether the database answers.
if (!globalForDb.shipshapePool) watchPool(pool, "main");
Object.assign(globalForDb, { shipshapePool: pool, shipshapeDb: db });

export type Db = PrismaClient;

/**
 * The pool's connections now, for GET /api/metrics: `total` open, `idle` of
 * them, `waiting` queries queued for one, `max` the pool's size. Counts only;
 * the pool itself stays private to this module.
 */
export function poolStatistics(): { total: number; idle: number; waiting: number; max: number } {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

// Rows of a hand-written statement, sent straight through the pool. For the
// hot read paths (API token look-up, readiness tallies), where the query
// builder's own overhead would be most of the request's cost. Each statement
// is prepared once per connection (named by its text), so PostgreSQL does
// not plan the tally's joins again on every request. Counted with the other
// statements.
export async function sqlRows<T>(query: Prisma.Sql): Promise<T[]> {
  sqlStatements.count += 1;
  const name = `shipshape_${createHash("sha1").update(query.text).digest("hex").slice(0, 20)}`;
  return (await pool.query({ name, text: query.text, values: query.values })).rows as T[];
}
