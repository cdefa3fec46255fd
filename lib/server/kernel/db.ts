import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { logger } from "@/lib/server/kernel/logger";

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

const sqlStatements = { count: 0 };

// SQL statements sent since the process started. Tests and the benchmark take
// the difference around a call to count its queries.
export const sqlStatementCount = () => sqlStatements.count;

// One pool and one client per process; kept on globalThis so that development
// hot reloads do not open a new pool on every edit. sqlRows below uses the
// same pool.
// No connection is opened here; a missing DATABASE_URL is reported by the
// config check at start-up, and `next build` imports this without one.
const globalForDb = globalThis as unknown as { shipshapePool?: pg.Pool; shipshapeDb?: PrismaClient };
const pool: pg.Pool = globalForDb.shipshapePool ?? new pg.Pool({ connectionString: process.env.DATABASE_URL ?? "", types: { getTypeParser } });
export const db: PrismaClient = globalForDb.shipshapeDb ?? createClient(pool);
// An idle connection the server closes (a restart, a failover) is replaced on
// the next query; without a listener the error would stop the process.
if (!globalForDb.shipshapePool) pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
if (process.env.NODE_ENV !== "production") Object.assign(globalForDb, { shipshapePool: pool, shipshapeDb: db });

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
