// The server's pools against a real PostgreSQL behind a proxy that freezes
// (sockets open, no bytes) or cuts: every statement fails within the
// configured timeouts instead of hanging, the failure is recognised as "the
// database is unavailable" (503, not 500), a connection left waiting is not
// handed out again, and all is well once the database answers again.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { isDatabaseUnavailable, isStatementTimeout } from "@/lib/server/kernel/db-faults";
import { errorResponse } from "@/lib/server/api/handler";
import { watchPool } from "@/lib/server/kernel/db-health";
import { poolSettings } from "@/lib/server/kernel/db-settings";
import { startFreezableProxy, type FreezableProxy } from "../support/freezable-proxy";

let proxy: FreezableProxy;
let pool: pg.Pool;
let prisma: PrismaClient;

// The outcome of a promise, never a throw: the value or the error.
const settle = <T,>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  proxy = await startFreezableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  const settings = poolSettings({ DATABASE_URL: proxy.through(url.toString()), DATABASE_CONNECT_TIMEOUT_MS: "500", DATABASE_STATEMENT_TIMEOUT_MS: "700" });
  pool = new pg.Pool({ ...settings, max: 3 });
  watchPool(pool, "test");
  prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
});

afterAll(async () => {
  proxy.restore();
  await prisma?.$disconnect();
  await pool?.end().catch(() => {});
  await proxy?.close();
});

describe("a database that stops answering", () => {
  it("sets the timeouts on every connection, as PostgreSQL sees them", async () => {
    const { rows } = await pool.query<{ statement: string; idle: string }>(
      "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle",
    );
    expect(rows[0]).toEqual({ statement: "700ms", idle: "700ms" });
  });

  it("fails statements on open connections and new ones instead of hanging, as 'unavailable'", async () => {
    expect((await prisma.$queryRaw<{ n: number }[]>`SELECT 1 AS n`)[0].n).toBe(1);
    proxy.freeze();
    // One on an idle connection, more than the pool holds, and a transaction.
    const outcomes = await Promise.all([
      settle(prisma.$queryRaw`SELECT 1`),
      settle(pool.query("SELECT 2")),
      settle(pool.query("SELECT 3")),
      settle(pool.query("SELECT 4")),
      settle(prisma.$transaction([prisma.$queryRaw`SELECT 5`])),
    ]);
    for (const outcome of outcomes) {
      expect(outcome).toHaveProperty("error");
      expect(isDatabaseUnavailable((outcome as { error: unknown }).error)).toBe(true);
    }
    proxy.restore();
    // No connection that was left waiting for an answer is handed out again:
    // every statement now gets its own answer.
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.query<{ n: number }>("SELECT $1::int AS n", [n])));
    expect(answers.map((a) => a.rows[0].n)).toEqual([1, 2, 3, 4, 5]);
    expect((await prisma.$queryRaw<{ n: number }[]>`SELECT 6 AS n`)[0].n).toBe(6);
  }, 30_000);

  it("recognises a database that is down (connections cut and refused) as 'unavailable'", async () => {
    await pool.query("SELECT 1");
    proxy.cut();
    const onOpen = await settle(prisma.$queryRaw`SELECT 1`);
    const onNew = await settle(pool.query("SELECT 1"));
    expect(isDatabaseUnavailable((onOpen as { error: unknown }).error)).toBe(true);
    expect(isDatabaseUnavailable((onNew as { error: unknown }).error)).toBe(true);
    proxy.restore();
    expect((await prisma.$queryRaw<{ n: number }[]>`SELECT 7 AS n`)[0].n).toBe(7);
  }, 30_000);

  it("does not take a statement that failed on a healthy server for an outage", async () => {
    const syntax = await settle(pool.query("SELEC 1"));
    const slow = await settle(pool.query("SELECT pg_sleep(2)"));
    expect(isDatabaseUnavailable((syntax as { error: unknown }).error)).toBe(false);
    // Cancelled by PostgreSQL's statement_timeout: the server is up and said so.
    expect((slow as { error: { code?: string } }).error.code).toBe("57014");
    expect(isDatabaseUnavailable((slow as { error: unknown }).error)).toBe(false);
  }, 30_000);

  it("answers a statement stopped at its timeout with a 503 that says so, not a bare 500", async () => {
    const slow = (await settle(pool.query("SELECT pg_sleep(2)"))) as { error: unknown };
    expect(isStatementTimeout(slow.error)).toBe(true);
    // The same error as Prisma passes it on, wrapped.
    expect(isStatementTimeout(new Error("query failed", { cause: slow.error }))).toBe(true);
    const response = errorResponse(slow.error, "test-request");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeTruthy();
    const { error } = await response.json();
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/took too long/);
    const syntax = (await settle(pool.query("SELEC 1"))) as { error: unknown };
    expect(isStatementTimeout(syntax.error)).toBe(false);
    expect(errorResponse(syntax.error, "test-request").status).toBe(500);
  }, 30_000);
});
