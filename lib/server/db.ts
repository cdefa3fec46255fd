import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

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
// hot reloads do not open a new pool on every edit. The pool is shared with the
// API rate limiter, which talks to PostgreSQL directly.
// No connection is opened here; a missing DATABASE_URL is reported by the
// config check at start-up, and `next build` imports this without one.
const globalForDb = globalThis as unknown as { shipshapePool?: pg.Pool; shipshapeDb?: PrismaClient };
export const pool: pg.Pool = globalForDb.shipshapePool ?? new pg.Pool({ connectionString: process.env.DATABASE_URL ?? "" });
export const db: PrismaClient = globalForDb.shipshapeDb ?? createClient(pool);
if (process.env.NODE_ENV !== "production") Object.assign(globalForDb, { shipshapePool: pool, shipshapeDb: db });

export type Db = PrismaClient;
