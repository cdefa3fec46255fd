import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { systemActor } from "@/lib/server/access/system";
import type { CheckContext } from "@/lib/server/checks/run-check";
import type { JobSettings } from "@/lib/server/kernel/config-schema";
import { db } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";
import { logger } from "@/lib/server/kernel/logger";
import { observeJob } from "@/lib/server/kernel/metrics";
import { runCheckNow } from "@/lib/server/services/checks";
import { ensureQueue, JOBS_SCHEMA, underSetUpLock } from "./boss";

// The automated checks on their schedule (docs/adr/0030-scheduled-checks-on-pg-boss.md).
//
// Every minute a tick claims the checks due within the next LOOKAHEAD_MS:
// in one transaction it moves each one's nextRunAt to its next slot and
// queues one job for the slot it claimed. Whichever process's worker takes
// the job runs the check as Shipshape (the system actor). A slot is claimed
// once (the row is locked and its nextRunAt moved), and its job has an id
// derived from the check and the slot, so neither a second tick nor a second
// instance can queue it again. Starts are spread by an offset of each check's
// own, and no team has more than CHECKS_CONCURRENCY_PER_TEAM checks running
// at once across every process, through leases in the job schema.

/** The queue of check runs, one job per check and slot. */
export const CHECK_QUEUE = "checks-run";
/** The queue of ticks: each claims the due checks and queues their runs. */
export const TICK_QUEUE = "checks-tick";

// A tick claims what falls due before the next tick has surely run (a cron
// tick may start up to ~20 s after its minute), so each run is queued ahead
// and starts on its slot rather than at the next tick.
const LOOKAHEAD_MS = 120_000;
// Checks claimed per statement; a tick repeats until none is left.
const CLAIM_BATCH = 500;
// A runner gives up after 30 s; a lease or a job still held after this was
// abandoned by a process that died, and is free again.
const LEASE_SECONDS = 120;
// A job whose team is at its limit goes back to the queue for this long.
const BUSY_RETRY_SECONDS = 1;
const POLL_MS = 1_000;

/** What a check run's job carries. Times are ISO 8601 (UTC). */
export type CheckJob = { checkId: string; teamId: string; slot: string; next: string };

/** A job's id, the same for the same check and slot: inserting it twice inserts it once. */
export function slotJobId(checkId: string, slot: Date): string {
  const hex = createHash("sha256").update(`${checkId}@${slot.toISOString()}`).digest("hex");
  // Shaped as a version-5-like UUID, which the job table's id column requires.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * How far after its slot a check starts, in milliseconds: the same for the
 * same check every time, spread evenly over the window: the smaller of
 * `jitterSeconds` and half the check's interval (so a run always starts well
 * before its next slot). 0 when jitter is off.
 */
export function startOffsetMs(checkId: string, intervalMinutes: number, jitterSeconds: number): number {
  const windowMs = Math.min(jitterSeconds * 1000, (intervalMinutes * 60_000) / 2);
  if (windowMs <= 0) return 0;
  return createHash("sha256").update(checkId).digest().readUInt32BE(0) % Math.floor(windowMs);
}

type Claimed = { id: string; teamId: string; slotMs: number; nextMs: number; intervalMinutes: number };

/**
 * One tick: claims every check of an active project due by `now` plus the
 * look-ahead, moves its nextRunAt to the first slot after both the claimed
 * one and `now` (slots missed while nothing ran are skipped, not run one
 * after another), and queues one run per check and slot, starting at the slot
 * (or `now`, if later) plus the check's offset. Claim and queueing share one
 * transaction. Safe to run from several processes at once: rows another
 * tick holds are skipped. Returns how many runs it queued.
 */
export async function queueDueChecks(
  { boss, pool }: { boss: PgBoss; pool: pg.Pool },
  settings: Pick<JobSettings, "CHECKS_JITTER_SECONDS">,
  now = new Date(),
): Promise<number> {
  return observeJob("checks", async (progress) => {
    let queued = 0;
    for (;;) {
      const claimed = await claimBatch(boss, pool, settings, now);
      queued += claimed;
      if (claimed < CLAIM_BATCH) break;
    }
    // The job's queue depth: runs whose start has come and that no worker took yet.
    const [{ waiting }] = (
      await pool.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state < 'active' AND start_after <= now()`,
        [CHECK_QUEUE],
      )
    ).rows;
    progress.due(waiting);
    return queued;
  });
}

async function claimBatch(boss: PgBoss, pool: pg.Pool, settings: Pick<JobSettings, "CHECKS_JITTER_SECONDS">, now: Date): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Times are bound as text with their zone and compared as UTC: the
    // columns hold UTC without a zone, as Prisma writes them.
    const { rows } = await client.query<Claimed>(
      `WITH due AS (
         SELECT c.id, c."nextRunAt" AS slot
         FROM item_check c JOIN project p ON p.id = c."projectId"
         WHERE c."nextRunAt" <= ($1::timestamptz AT TIME ZONE 'UTC') AND p."archivedAt" IS NULL
         ORDER BY c."nextRunAt"
         LIMIT $3
         FOR UPDATE OF c SKIP LOCKED
       )
       UPDATE item_check c
       SET "nextRunAt" = due.slot + make_interval(mins => c."intervalMinutes" * GREATEST(1,
             floor(extract(epoch FROM ($2::timestamptz AT TIME ZONE 'UTC') - due.slot) / (c."intervalMinutes" * 60))::int + 1))
       FROM due WHERE c.id = due.id
       RETURNING c.id, c."teamId", c."intervalMinutes",
         (extract(epoch FROM due.slot) * 1000)::float8 AS "slotMs",
         (extract(epoch FROM c."nextRunAt") * 1000)::float8 AS "nextMs"`,
      [new Date(now.getTime() + LOOKAHEAD_MS).toISOString(), now.toISOString(), CLAIM_BATCH],
    );
    if (rows.length > 0) {
      const jobs: PgBoss.JobInsert<CheckJob>[] = rows.map((row) => {
        const slot = new Date(row.slotMs);
        const start = Math.max(row.slotMs, now.getTime()) + startOffsetMs(row.id, row.intervalMinutes, settings.CHECKS_JITTER_SECONDS);
        return {
          id: slotJobId(row.id, slot),
          name: CHECK_QUEUE,
          data: { checkId: row.id, teamId: row.teamId, slot: slot.toISOString(), next: new Date(row.nextMs).toISOString() },
          singletonKey: `${row.id}@${slot.toISOString()}`,
          startAfter: new Date(start),
        };
      });
      // pg-boss's insert, on this transaction's connection; a job whose id
      // is taken already is left out.
      await boss.insert(jobs, { db: { executeSql: (text, values) => client.query(text, values) } });
    }
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// Leases: a team's running checks, at most `limit` at once across every
// process. A lease is a (team, place) row; a place whose lease has expired
// (its holder died) is free again.
const LEASES = `${JOBS_SCHEMA}.shipshape_team_lease`;

async function createLeaseTable(pool: pg.Pool): Promise<void> {
  await underSetUpLock(pool, () =>
    pool.query(`CREATE TABLE IF NOT EXISTS ${LEASES} (
      team_id text NOT NULL, place int NOT NULL, holder text NOT NULL, expires_at timestamptz NOT NULL,
      PRIMARY KEY (team_id, place))`),
  );
}

/**
 * Takes one of team `teamId`'s `limit` places for `holder`; returns the
 * place, or null when all are taken. Two takers of the same free place: one
 * inserts it, the other finds it held (ON CONFLICT sees the committed row)
 * and tries the next one.
 */
export async function takeLease(pool: pg.Pool, teamId: string, limit: number, holder: string): Promise<number | null> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { rows } = await pool.query<{ place: number }>(
      `INSERT INTO ${LEASES} AS l (team_id, place, holder, expires_at)
       SELECT $1, s, $2, now() + make_interval(secs => $4)
       FROM generate_series(0, $3 - 1) AS s
       WHERE NOT EXISTS (SELECT 1 FROM ${LEASES} x WHERE x.team_id = $1 AND x.place = s AND x.expires_at > now())
       ORDER BY s LIMIT 1
       ON CONFLICT (team_id, place) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE l.expires_at <= now()
       RETURNING place`,
      [teamId, holder, limit, LEASE_SECONDS],
    );
    if (rows.length > 0) return rows[0].place;
    const { rows: held } = await pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${LEASES} WHERE team_id = $1 AND place < $2 AND expires_at > now()`,
      [teamId, limit],
    );
    if (held[0].count >= limit) return null;
  }
  return null;
}

/** Gives back a place taken with takeLease. */
export async function releaseLease(pool: pg.Pool, teamId: string, place: number, holder: string): Promise<void> {
  await pool.query(`DELETE FROM ${LEASES} WHERE team_id = $1 AND place = $2 AND holder = $3`, [teamId, place, holder]);
}

/** What became of one job: ran, or why it did not. */
export type CheckJobOutcome =
  | { ran: true; passed: boolean }
  | { ran: false; reason: "team busy" | "late" | "deleted" | "already ran" | "not runnable" | "error"; message?: string };

/**
 * Runs one check job, unless its next slot has come already (a run that late
 * is skipped: the next one is due), the check is gone or its project
 * archived, or the check already ran in this slot (a job run again after its
 * process died). `context` is the runners' (tests allow loopback with it).
 * Takes a team lease first; returns `team busy` without running when none is free.
 */
export async function runCheckJob(
  pool: pg.Pool,
  job: CheckJob,
  options: { perTeam: number; holder: string; context?: CheckContext; now?: () => Date },
): Promise<CheckJobOutcome> {
  const now = options.now ?? (() => new Date());
  const slot = new Date(job.slot);
  const next = new Date(job.next);
  if (now() >= next) return { ran: false, reason: "late" };
  const place = await takeLease(pool, job.teamId, options.perTeam, options.holder);
  if (place === null) return { ran: false, reason: "team busy" };
  try {
    const check = await db.check.findFirst({
      where: { id: job.checkId, teamId: job.teamId },
      select: { lastRunAt: true, project: { select: { team: { select: { timeZone: true } } } } },
    });
    if (!check) return { ran: false, reason: "deleted" };
    if (check.lastRunAt && check.lastRunAt >= slot) return { ran: false, reason: "already ran" };
    const actor = systemActor({ teamId: job.teamId, timeZone: check.project.team.timeZone }, "checks");
    const run = await runCheckNow(actor, { checkId: job.checkId }, { context: options.context, nextRunAt: next });
    return { ran: true, passed: run.result.passed };
  } catch (error) {
    // Removed while it ran, or its project archived since it was queued.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "CONFLICT")) return { ran: false, reason: error.code === "NOT_FOUND" ? "deleted" : "not runnable" };
    logger.error({ err: error, checkId: job.checkId }, "a scheduled check failed to run");
    return { ran: false, reason: "error", message: error instanceof Error ? error.message : String(error) };
  } finally {
    await releaseLease(pool, job.teamId, place, options.holder).catch((error) => logger.warn({ err: error }, "could not release a check lease; it lapses by itself"));
  }
}

/** The check scheduler of one process: stop() lets running checks finish (up to `graceMs`) and takes no more. */
export type CheckScheduler = { stop: (graceMs?: number) => Promise<void> };

/**
 * Registers the tick (every minute, and once now) and starts this process's
 * check worker: up to CHECKS_WORKER_CONCURRENCY checks at once, each under
 * its team's lease. A job whose team is at its limit goes back to the queue
 * for a second. A run that fails is logged and not retried: the next slot
 * comes anyway. `context` is passed to every run (tests).
 */
export async function startCheckScheduler(boss: PgBoss, pool: pg.Pool, settings: JobSettings, context?: CheckContext): Promise<CheckScheduler> {
  await createLeaseTable(pool);
  // Abandoned runs (the process died) expire and are tried again: the
  // "already ran" guard keeps a slot to one run. A busy team's jobs come
  // back many times; the "late" guard ends them when the next slot comes.
  await ensureQueue({ boss, pool }, CHECK_QUEUE, { retryLimit: 100_000, retryDelay: BUSY_RETRY_SECONDS, expireInSeconds: LEASE_SECONDS, retentionMinutes: 24 * 60 });
  await ensureQueue({ boss, pool }, TICK_QUEUE, { retryLimit: 0, expireInSeconds: 300, retentionMinutes: 60 });
  await boss.schedule(TICK_QUEUE, "* * * * *", {}, { retryLimit: 0 });
  await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    const queued = await queueDueChecks({ boss, pool }, settings);
    if (queued > 0) logger.debug({ queued }, "checks queued");
  });
  // A tick now, rather than up to a minute after start-up.
  await boss.send(TICK_QUEUE, {}, { retryLimit: 0 });

  const instance = randomUUID();
  // Recorded with each finished job: which process ran it.
  const worker = `${hostname()}:${process.pid}`;
  const running = new Set<Promise<void>>();
  let stopping = false;
  // Wakes the loop when a run ends (a place is free) or on stop; a wake-up
  // while the loop is busy is kept for its next nap.
  let woken = false;
  let wakeNap: (() => void) | undefined;
  const wake = () => {
    woken = true;
    wakeNap?.();
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(() => wakeNap?.(), ms);
      wakeNap = () => {
        clearTimeout(timer);
        wakeNap = undefined;
        resolve();
      };
    });

  // Resolves to whether the job is done with (false: it went back to the queue).
  const handle = async (job: PgBoss.Job<CheckJob>): Promise<boolean> => {
    const outcome = await runCheckJob(pool, job.data, { perTeam: settings.CHECKS_CONCURRENCY_PER_TEAM, holder: `${instance}:${job.id}`, context });
    if (!outcome.ran && outcome.reason === "team busy") {
      await boss.fail(CHECK_QUEUE, job.id, { busy: true });
      return false;
    }
    await boss.complete(CHECK_QUEUE, job.id, { ...outcome, worker });
    return true;
  };

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      const free = settings.CHECKS_WORKER_CONCURRENCY - running.size;
      let fetched = 0;
      if (free > 0) {
        try {
          const jobs = await boss.fetch<CheckJob>(CHECK_QUEUE, { batchSize: free });
          fetched = jobs.length;
          for (const job of jobs) {
            let done = true;
            const task: Promise<void> = handle(job)
              .then((ended) => void (done = ended))
              .catch((error) => logger.error({ err: error, jobId: job.id }, "a check job could not be settled"))
              .finally(() => {
                running.delete(task);
                // A job sent back because its team is busy frees no place
                // another team could not have taken; waking for it would
                // only fetch the busy team's jobs again at once.
                if (done) wake();
              });
            running.add(task);
          }
        } catch (error) {
          logger.warn({ err: error }, "could not fetch check jobs");
        }
      }
      // A full batch: there may be more, as soon as a place is free.
      if (!stopping && !(free > 0 && fetched === free && running.size < settings.CHECKS_WORKER_CONCURRENCY)) await nap(POLL_MS);
    }
  })();

  return {
    async stop(graceMs = 35_000) {
      stopping = true;
      wake();
      await loop;
      await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}
