import "server-only";
import PgBoss from "pg-boss";
import pg from "pg";
import { poolSettings } from "@/lib/server/kernel/db-settings";
import { logger } from "@/lib/server/kernel/logger";

// The job queue every scheduled job goes through (docs/adr/0030-scheduled-checks-on-pg-boss.md):
// pg-boss, in a schema of its own in Shipshape's database. pg-boss creates
// and migrates that schema itself when it starts (several processes starting
// at once are safe); Prisma's migrations never touch it, and backups, which
// hold the public schema, leave it out: queued work is transient.

/** The PostgreSQL schema of the job queue. */
export const JOBS_SCHEMA = "pgboss";

/** A started queue: pg-boss, and the pool it runs on (also used for the scheduler's own statements). */
export type Queue = { boss: PgBoss; pool: pg.Pool; close: () => Promise<void> };

/**
 * Starts pg-boss on DATABASE_URL (`env`), creating or migrating its schema.
 * `connections` is the pool's size. pg-boss runs on a pool of its own, with
 * the timeouts of every Shipshape pool, so a job holding a connection never
 * starves requests. `close` stops pg-boss, waiting up to `graceMs` for the
 * handlers registered with `work` to finish, then closes the pool.
 * Throws when the database cannot be reached.
 */
export async function startQueue(options: { connections: number; env?: Record<string, string | undefined> }): Promise<Queue> {
  const pool = new pg.Pool({ ...poolSettings(options.env), max: options.connections, application_name: "shipshape-jobs" });
  // An idle connection the server closes (a restart, a failover) is replaced on the next query.
  pool.on("error", () => {});
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
    schema: JOBS_SCHEMA,
    // Finished jobs are kept a day for inspection, then deleted a week later.
    archiveCompletedAfterSeconds: 24 * 60 * 60,
    deleteAfterDays: 7,
    // Cron schedules are looked at every 15 s, so a minute's tick starts within that of the minute.
    cronMonitorIntervalSeconds: 15,
  });
  // pg-boss reports trouble (the database away, a failed maintenance run) as
  // events; an emitter with no listener would throw them instead.
  boss.on("error", (error) => logger.warn({ err: error }, "job queue error"));
  try {
    await boss.start();
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = (graceMs = 30_000) =>
    (closing ??= (async () => {
      await boss.stop({ graceful: true, wait: true, timeout: graceMs, close: false }).catch(() => {});
      await pool.end().catch(() => {});
    })());
  return { boss, pool, close };
}

/**
 * Runs `work` while holding the job schema's set-up lock, so processes
 * starting together set up queues and tables one after the other: pg-boss
 * creating the same queue from two processes at once can deadlock.
 */
export async function underSetUpLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('shipshape jobs set-up'))");
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('shipshape jobs set-up'))").catch(() => {});
    client.release();
  }
}

/**
 * Creates queue `name` when it does not exist and applies `options` to it.
 * Idempotent, and safe when several processes create the same queue at once.
 */
export async function ensureQueue({ boss, pool }: { boss: PgBoss; pool: pg.Pool }, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  await underSetUpLock(pool, async () => {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
    await boss.updateQueue(name, { name, ...options });
  });
}
