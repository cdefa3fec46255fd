import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

function createClient() {
  // No connection is opened here; a missing DATABASE_URL is reported by the
  // config check at start-up, and `next build` imports this without one.
  const connectionString = process.env.DATABASE_URL ?? "";
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// One client per process; kept on globalThis so that development hot reloads
// do not open a new pool on every edit.
const globalForDb = globalThis as unknown as { shipshapeDb?: PrismaClient };
export const db: PrismaClient = globalForDb.shipshapeDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.shipshapeDb = db;

export type Db = PrismaClient;
