import "server-only";
import { RETRY_WINDOW_MS } from "@/lib/domain/notifications/webhook-formats";
import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";
import { attemptDelivery, sealStoredAddresses, type DeliveryOutcome } from "@/lib/server/notifications/webhook-delivery";
import type { WebhookContext } from "@/lib/server/notifications/webhook-sender";

// Chat and webhook deliveries from the outbox (docs/adr/0038-notifications-outbox.md,
// docs/webhooks.md). Every process that runs the jobs makes a pass every few
// seconds; any number may run at once:
//
// 1. Queue: for every enabled destination, a delivery row for each event of
//    its team (its project, its kinds) recorded since it was added and within
//    the retry window that has none yet. A scan for what has no row, not a
//    cursor, so an event committed after a later one is still found; the row
//    is unique per (destination, event), so two passes insert it once.
// 2. Claim: due PENDING rows, locked with FOR UPDATE SKIP LOCKED and their
//    next attempt moved a lease ahead in the same statement, so no other pass
//    takes them while this one sends (a process that dies mid-send leaves
//    them to be tried again when the lease ends).
// 3. Send each once and record what became of it (webhook-delivery.ts).

/** How often each process makes a pass. */
export const PASS_INTERVAL_MS = 5_000;
// Longer than an attempt (10 s) with room to record it.
const LEASE_MS = 60_000;
// Deliveries claimed per pass, and sent at once.
const CLAIM_BATCH = 50;
const PARALLEL = 8;
// Finished deliveries are kept for the log this long.
const KEPT_MS = 30 * 24 * 60 * 60 * 1000;

const utc = (date: Date) => date.toISOString();

/** Creates the missing delivery rows for events up to `now`; returns how many. */
export async function queueDeliveries(now: Date): Promise<number> {
  const since = new Date(now.getTime() - RETRY_WINDOW_MS);
  return db.$executeRaw`
    INSERT INTO webhook_delivery (id, "webhookId", "eventId", status, attempts, "nextAttemptAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, w.id, e.id, 'PENDING', 0, e."createdAt", ${utc(now)}::timestamptz AT TIME ZONE 'UTC', ${utc(now)}::timestamptz AT TIME ZONE 'UTC'
    FROM webhook w
    JOIN notification_event e ON e."teamId" = w."teamId"
      AND (w."projectId" IS NULL OR w."projectId" = e."projectId")
      AND (cardinality(w.kinds) = 0 OR e.kind = ANY (w.kinds))
      AND e."createdAt" >= w."createdAt"
      AND e."createdAt" >= ${utc(since)}::timestamptz AT TIME ZONE 'UTC'
    WHERE w.enabled
      AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d."webhookId" = w.id AND d."eventId" = e.id)
    ON CONFLICT ("webhookId", "eventId") DO NOTHING`;
}

/** A claimed delivery: its destination, and the lease this pass holds it under (its `nextAttemptAt`). */
export type ClaimedDelivery = { id: string; webhookId: string; lease: Date };

/** Takes up to `limit` due deliveries for this pass (moving their next attempt a lease ahead), oldest first. */
export async function claimDeliveries(now: Date, limit = CLAIM_BATCH): Promise<ClaimedDelivery[]> {
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_delivery d SET "nextAttemptAt" = ${utc(new Date(now.getTime() + LEASE_MS))}::timestamptz AT TIME ZONE 'UTC'
    FROM (
      SELECT id FROM webhook_delivery
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${utc(now)}::timestamptz AT TIME ZONE 'UTC'
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE d.id = due.id
    RETURNING d.id, d."webhookId", d."nextAttemptAt" AS lease`;
}

/**
 * Keeps a claim for one more lease from `clock`, right before its attempt,
 * if this pass still holds it: a pass slow enough for the lease to end may
 * have had the delivery taken by another, which then sends it. False then.
 */
async function renewClaim(claim: ClaimedDelivery, clock: Date): Promise<boolean> {
  const lease = new Date(Math.max(claim.lease.getTime(), clock.getTime() + LEASE_MS));
  const { count } = await db.webhookDelivery.updateMany({ where: { id: claim.id, status: "PENDING", nextAttemptAt: claim.lease }, data: { nextAttemptAt: lease } });
  return count > 0;
}

/** What one pass did: rows queued, and each attempt's outcome. */
export type PassReport = { queued: number; outcomes: DeliveryOutcome[] };

/**
 * One delivery pass at `now` (tests call it with their own clock): seal chat
 * addresses still stored in clear, queue, claim, send, record, then drop finished deliveries older than 30 days.
 * Claims batches until none is due.
 *
 * Destinations are served side by side (PARALLEL at once), each one's
 * deliveries in turn, oldest first. A receiver that does not answer (a
 * timeout, a network error) is not tried again in the pass: the rest of its
 * claimed deliveries wait for their lease to end, so one hanging receiver
 * holds one worker for one timeout, not everyone's deliveries.
 */
export async function runDeliveryPass(context: WebhookContext = {}, now = (context.now ?? (() => new Date()))()): Promise<PassReport> {
  await sealStoredAddresses();
  const queued = await queueDeliveries(now);
  const outcomes: DeliveryOutcome[] = [];
  const clock = () => (context.now ?? (() => new Date()))();
  const serve = async (claims: ClaimedDelivery[]) => {
    for (const claim of claims) {
      try {
        if (!(await renewClaim(claim, clock()))) {
          outcomes.push("skipped");
          continue;
        }
        const attempt = await attemptDelivery(claim.id, context, now);
        outcomes.push(attempt.outcome);
        if (!attempt.answered) return;
      } catch (error) {
        logger.error({ err: error }, "a webhook delivery could not be recorded; it is tried again when its lease ends");
      }
    }
  };
  for (;;) {
    const claimed = await claimDeliveries(now);
    const byDestination = new Map<string, ClaimedDelivery[]>();
    for (const claim of claimed) byDestination.set(claim.webhookId, [...(byDestination.get(claim.webhookId) ?? []), claim]);
    const queue = [...byDestination.values()];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
        for (let claims = queue.shift(); claims; claims = queue.shift()) await serve(claims);
      }),
    );
    if (claimed.length < CLAIM_BATCH) break;
  }
  await db.webhookDelivery.deleteMany({ where: { status: { not: "PENDING" }, createdAt: { lt: new Date(now.getTime() - KEPT_MS) } } });
  return { queued, outcomes };
}

/**
 * Runs a pass every PASS_INTERVAL_MS in this process until the returned stop
 * is called (which waits for a running pass). A failed pass is logged; the
 * next one tries again.
 */
export function startWebhookDeliveries(context: WebhookContext = {}): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = runDeliveryPass(context)
      .catch((error) => logger.warn({ err: error }, "a webhook delivery pass failed; the next one tries again"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, PASS_INTERVAL_MS).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
