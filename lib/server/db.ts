import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

function createClient() {
  // No connection is opened here; a missing DATABASE_URL is reported by the
  // config check at start-up, and `next build` imports this without one.
  const connectionString = process.env.DATABASE_URL ?? "";
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
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

// One client per process; kept on globalThis so that development hot reloads
// do not open a new pool on every edit.
const globalForDb = globalThis as unknown as { shipshapeDb?: PrismaClient };
export const db: PrismaClient = globalForDb.shipshapeDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.shipshapeDb = db;

export type Db = PrismaClient;
