import "server-only";
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { LOOKBACK_DAYS, planEmails, type MailCadence, type PastDelivery } from "@/lib/domain/notifications/email-plan";
import { DEFAULT_CADENCE, type Cadence } from "@/lib/domain/notifications/kinds";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { logger } from "@/lib/server/kernel/logger";
import { renderNotificationMail } from "@/lib/server/notifications/email/render";
import { refusedBeforeHandOver, smtpTransport, type MailTransport } from "@/lib/server/notifications/email/transport";
import { unsubscribeToken, unsubscribeUrl } from "@/lib/server/notifications/email/unsubscribe-token";
import { ensureQueue } from "./boss";

// E-mail of notifications (docs/adr/*-notification-email.md). Every minute one
// pass, on whichever instance's worker takes the job:
//  1. under a transaction-level advisory lock (a second pass at the same
//     moment skips its turn rather than plan from the same facts), it marks
//     claims left by a process that died as ABANDONED, takes back messages
//     refused before hand-over whose turn to be tried again has come, plans
//     what is due (lib/domain/notifications/email-plan.ts) and claims each
//     planned message by inserting its row under its unique key;
//  2. after that transaction commits, it sends what it claimed and records
//     the outcome. A message is sent only by the pass that claimed it, so it
//     is sent at most once, whatever restarts or how many instances.
// A handful of statements per pass, whatever the number of notifications.
// Nothing at all happens while SMTP_URL is unset.

/** A claim older than this was left by a process that died mid-delivery (a live sender gives up within about two minutes). */
export const STUCK_AFTER_MS = 15 * 60_000;
/** A message refused before hand-over is tried again after this long, up to MAX_ATTEMPTS times in all. */
export const RETRY_AFTER_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;
const DAY_MS = 86_400_000;

export type MailPassResult = { sent: number; deferred: number; failed: number; retrying: number; abandoned: number };

export type MailPassOptions = {
  /** The clock (tests move it); default: now. */
  now?: Date;
  /** Where messages go; default: SMTP_URL. */
  transport?: MailTransport;
  /** Who claims, as recorded on each claim; default: host and process id. */
  claimant?: string;
};

type Claimed = { id: string; key: string; userId: string; teamId: string; cadence: string; notificationIds: string[]; attempts: number };

const claimSelect = { id: true, key: true, userId: true, teamId: true, cadence: true, notificationIds: true, attempts: true } as const;

/**
 * One pass: plans, claims and sends what is due at `now`. Returns what it
 * did, or null when SMTP_URL is unset (no statement is run then) or another
 * pass held the planning lock.
 */
export async function runNotificationMailPass(options: MailPassOptions = {}): Promise<MailPassResult | null> {
  if (!config().mailEnabled) return null;
  const now = options.now ?? new Date();
  const claimant = options.claimant ?? `${hostname()}:${process.pid}`;
  const claim = await claimDueMessages(now, claimant);
  if (!claim) return null;
  const result: MailPassResult = { sent: 0, deferred: claim.deferred, failed: 0, retrying: 0, abandoned: claim.abandoned };
  if (claim.messages.length === 0) return result;
  const transport = options.transport ?? smtpTransport();
  if (!transport) return result;
  try {
    await sendClaimed(claim.messages, now, claimant, transport, result);
  } finally {
    if (!options.transport) transport.close();
  }
  return result;
}

async function claimDueMessages(now: Date, claimant: string): Promise<{ messages: Claimed[]; deferred: number; abandoned: number } | null> {
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('shipshape notification mail')) AS locked`;
      if (!locked) return null;
      // Its claimant died between claiming and knowing the outcome: it may
      // have arrived, so it is never sent again (at most once).
      const { count: abandoned } = await tx.emailDelivery.updateMany({
        where: { status: "CLAIMED", claimedAt: { lt: new Date(now.getTime() - STUCK_AFTER_MS) } },
        data: { status: "ABANDONED", lastError: "The process sending it stopped before the outcome was known; not sent again." },
      });
      const retried = await tx.emailDelivery.updateManyAndReturn({
        where: { status: "RETRY", claimedAt: { lte: new Date(now.getTime() - RETRY_AFTER_MS) } },
        data: { status: "CLAIMED", claimedAt: now, claimedBy: claimant, attempts: { increment: 1 } },
        select: claimSelect,
      });

      const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
      const notifications = await tx.notification.findMany({
        where: { createdAt: { gte: since, lte: now } },
        select: { id: true, userId: true, teamId: true, kind: true, createdAt: true, readAt: true },
      });
      if (notifications.length === 0) return { messages: retried, deferred: 0, abandoned };
      const userIds = [...new Set(notifications.map((n) => n.userId))];
      const teamIds = [...new Set(notifications.map((n) => n.teamId))];
      const [deliveries, preferences, teams] = await Promise.all([
        tx.emailDelivery.findMany({ where: { createdAt: { gte: since } }, select: { key: true, userId: true, cadence: true, status: true, notificationIds: true, claimedAt: true } }),
        tx.notificationPreference.findMany({ where: { userId: { in: userIds }, teamId: { in: teamIds } }, select: { userId: true, teamId: true, kind: true, cadence: true } }),
        tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, timeZone: true } }),
      ]);
      const chosen = new Map(preferences.map((p) => [`${p.userId}:${p.teamId}:${p.kind}`, p.cadence as Cadence]));
      const zones = new Map(teams.map((team) => [team.id, team.timeZone]));
      const plan = planEmails({
        now,
        notifications,
        deliveries: deliveries.map((d): PastDelivery => ({ ...d, cadence: d.cadence as MailCadence })),
        cadenceOf: (userId, teamId, kind) => chosen.get(`${userId}:${teamId}:${kind}`) ?? DEFAULT_CADENCE[kind],
        timeZoneOf: (teamId) => zones.get(teamId) ?? "UTC",
      });
      if (plan.length === 0) return { messages: retried, deferred: 0, abandoned };
      // The unique key is the claim: a key someone holds already is skipped.
      const inserted = await tx.emailDelivery.createManyAndReturn({
        data: plan.map((message) => ({
          key: message.key,
          userId: message.userId,
          teamId: message.teamId,
          cadence: message.cadence,
          notificationIds: message.notificationIds,
          status: message.deferred ? ("DEFERRED" as const) : ("CLAIMED" as const),
          claimedBy: claimant,
          claimedAt: now,
          createdAt: now,
        })),
        skipDuplicates: true,
        select: { ...claimSelect, status: true },
      });
      const messages = [...retried, ...inserted.filter((row) => row.status === "CLAIMED")];
      return { messages, deferred: inserted.filter((row) => row.status === "DEFERRED").length, abandoned };
    },
    { timeout: 60_000 },
  );
}

async function sendClaimed(messages: Claimed[], now: Date, claimant: string, transport: MailTransport, result: MailPassResult): Promise<void> {
  const ids = [...new Set(messages.flatMap((m) => m.notificationIds))];
  const userIds = [...new Set(messages.map((m) => m.userId))];
  const teamIds = [...new Set(messages.map((m) => m.teamId))];
  const [entries, users, teams, memberships] = await Promise.all([
    db.notification.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, title: true, link: true, createdAt: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, timeZone: true } }),
    db.membership.findMany({ where: { userId: { in: userIds }, teamId: { in: teamIds } }, select: { userId: true, teamId: true } }),
  ]);
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const members = new Set(memberships.map((m) => `${m.userId}:${m.teamId}`));
  const { APP_URL } = config();

  // Only the claim this pass holds is settled: a row another pass took over is left alone.
  const settle = (message: Claimed, data: { status: "SENT" | "RETRY" | "FAILED"; sentAt?: Date; lastError?: string | null }) =>
    db.emailDelivery.updateMany({ where: { id: message.id, claimedBy: claimant, attempts: message.attempts, status: { in: ["CLAIMED", "ABANDONED"] } }, data });

  for (const message of messages) {
    const user = userById.get(message.userId);
    const team = teamById.get(message.teamId);
    const mailEntries = message.notificationIds.flatMap((id) => entryById.get(id) ?? []);
    if (!user || !team || !members.has(`${message.userId}:${message.teamId}`) || mailEntries.length === 0) {
      await settle(message, { status: "FAILED", lastError: "The person left the team, or its notifications are gone." });
      result.failed += 1;
      continue;
    }
    const mail = renderNotificationMail({
      cadence: message.cadence as MailCadence,
      appUrl: APP_URL,
      recipient: user,
      team,
      entries: mailEntries,
      unsubscribeUrl: (kinds) => unsubscribeUrl(unsubscribeToken({ userId: user.id, teamId: team.id, kinds }), APP_URL),
    });
    try {
      await transport.send(message.key, mail);
      await settle(message, { status: "SENT", sentAt: now, lastError: null });
      result.sent += 1;
    } catch (error) {
      const again = refusedBeforeHandOver(error) && message.attempts < MAX_ATTEMPTS;
      const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await settle(message, { status: again ? "RETRY" : "FAILED", lastError: reason });
      if (again) result.retrying += 1;
      else result.failed += 1;
      logger.warn({ err: error, delivery: message.id, retry: again }, "a notification e-mail could not be sent");
    }
  }
}

/** The queue of mail passes. */
export const MAIL_QUEUE = "notification-mail";

/**
 * Runs a mail pass every minute on the job queue (a pg-boss schedule: one
 * job per minute across every instance, taken by one worker). Does nothing
 * at all while SMTP_URL is unset.
 */
export async function runNotificationMailOn({ boss, pool }: { boss: PgBoss; pool: pg.Pool }): Promise<void> {
  if (!config().mailEnabled) return;
  await ensureQueue({ boss, pool }, MAIL_QUEUE, { retryLimit: 0, expireInSeconds: 10 * 60, retentionMinutes: 60 });
  await boss.schedule(MAIL_QUEUE, "* * * * *", {}, { retryLimit: 0 });
  await boss.work(MAIL_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    try {
      const result = await runNotificationMailPass();
      if (result && result.sent + result.deferred + result.failed + result.abandoned > 0) logger.info(result, "notification e-mail pass");
    } catch (error) {
      logger.error({ err: error }, "notification e-mail pass failed");
    }
  });
}
