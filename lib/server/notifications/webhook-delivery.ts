import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationPayloadV1 } from "@/lib/domain/notifications/payload";
import { maskedWebhookUrl, WEBHOOK_FORMAT_LABEL } from "@/lib/domain/notifications/webhook-destinations";
import { afterFailure, FAILURES_BEFORE_DISABLING, webhookMessage, type WebhookEvent } from "@/lib/domain/notifications/webhook-formats";
import { systemActor } from "@/lib/server/access/system";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { open, seal, sealingKeyFromEnv, SECRET_KEY_VARIABLE, type SealingKey } from "@/lib/server/kernel/sealed-secrets";
import { emitNotification } from "./outbox";
import { postWebhook, type AttemptResult, type WebhookContext } from "./webhook-sender";

// One attempt of one delivery, and what it leaves: the delivery's state and
// log (status code, the start of the answer, the error), the destination's
// count of failures in a row, and at FAILURES_BEFORE_DISABLING the
// destination turned off, its waiting deliveries given up, and the person
// who added it and the team's admins told (WEBHOOK_DISABLED).

type Tx = Prisma.TransactionClient;

/** What a JSON destination's secret is bound to: a sealed secret copied to another row does not open. */
export const secretBinding = (teamId: string, webhookId: string) => `webhook-secret:${teamId}:${webhookId}`;

/** What a chat destination's sealed address is bound to. */
export const urlBinding = (teamId: string, webhookId: string) => `webhook-url:${teamId}:${webhookId}`;

type Destination = {
  id: string;
  teamId: string;
  projectId: string | null;
  url: string;
  sealedUrl: string | null;
  format: "SLACK" | "TEAMS" | "JSON";
  sealedSecret: string | null;
  keyId: string | null;
};

/** The address as shown (origin and last four characters): a sealed row keeps only that in `url`. */
export const shownUrl = (webhook: { url: string; sealedUrl: string | null }) => (webhook.sealedUrl ? webhook.url : maskedWebhookUrl(webhook.url));

/** The key that opens a destination's sealed values, or why there is none. */
function keyFor(webhook: Destination): { key: SealingKey; error?: undefined } | { key?: undefined; error: string } {
  let key;
  try {
    key = sealingKeyFromEnv();
  } catch {
    return { error: `${SECRET_KEY_VARIABLE} is not set on the server: the destination's sealed ${webhook.format === "JSON" ? "signing secret" : "address"} cannot be opened` };
  }
  if (webhook.keyId !== key.keyId) return { error: `the destination was sealed under another ${SECRET_KEY_VARIABLE}; add it again` };
  return { key };
}

/** The address to post to: a chat destination's sealed one, opened; a reason when it cannot be. */
function addressOf(webhook: Destination): { url: string | null; error?: string } {
  if (!webhook.sealedUrl) return { url: webhook.url };
  const { key, error } = keyFor(webhook);
  if (!key) return { url: null, error };
  const url = open(webhook.sealedUrl, urlBinding(webhook.teamId, webhook.id), key);
  return url === null ? { url: null, error: "the destination's sealed address does not open; add it again" } : { url };
}

/** The JSON destination's signing secret, opened; a reason when it cannot be. */
function secretOf(webhook: Destination): { secret: string | null; error?: string } {
  if (webhook.format !== "JSON") return { secret: null };
  if (!webhook.sealedSecret) return { secret: null, error: "no signing secret is stored" };
  const { key, error } = keyFor(webhook);
  if (!key) return { secret: null, error };
  const secret = open(webhook.sealedSecret, secretBinding(webhook.teamId, webhook.id), key);
  return secret === null ? { secret: null, error: "the signing secret does not open; add the destination again" } : { secret };
}

/**
 * Seals the addresses of chat destinations stored in clear (added before
 * addresses were sealed), when the server has a key; returns how many. Until
 * then they are posted to as stored. Safe with several processes at once.
 */
export async function sealStoredAddresses(): Promise<number> {
  let key: SealingKey;
  try {
    key = sealingKeyFromEnv();
  } catch {
    return 0;
  }
  const rows = await db.webhook.findMany({ where: { format: { in: ["SLACK", "TEAMS"] }, sealedUrl: null }, select: { id: true, teamId: true, url: true } });
  let sealed = 0;
  for (const row of rows) {
    const { count } = await db.webhook.updateMany({
      where: { id: row.id, sealedUrl: null, url: row.url },
      data: { sealedUrl: seal(row.url, urlBinding(row.teamId, row.id), key), url: maskedWebhookUrl(row.url), keyId: key.keyId },
    });
    sealed += count;
  }
  return sealed;
}

/** Sends `event` to `webhook` once; `deliveryId` goes in the JSON format's Shipshape-Delivery header. */
export async function sendOnce(webhook: Destination, event: WebhookEvent, deliveryId: string, context: WebhookContext, now: Date): Promise<AttemptResult> {
  const { secret, error } = secretOf(webhook);
  const address = addressOf(webhook);
  // Nothing the receiver did: tried again, in case the operator sets the key.
  if (error || !address.url) return { verdict: "retry", status: null, response: null, error: error ?? address.error ?? null };
  const message = webhookMessage(webhook.format, event, { appUrl: context.appUrl ?? config().APP_URL, deliveryId, secret, now });
  return postWebhook(address.url, message, context);
}

const destinationSelect = { id: true, teamId: true, projectId: true, url: true, sealedUrl: true, format: true, sealedSecret: true, keyId: true, enabled: true, createdByUserId: true, project: { select: { name: true } } } as const;

/** What became of one attempt. */
export type DeliveryOutcome = "succeeded" | "retrying" | "failed" | "gave up" | "skipped";

/** An attempt's outcome, and whether the receiver answered at all (false: network error, timeout, nothing sent). */
export type DeliveryAttempt = { outcome: DeliveryOutcome; answered: boolean };

/**
 * Attempts delivery `deliveryId` (claimed by the caller) once, at `now`, and
 * records the outcome. A delivery no longer PENDING, or whose destination was
 * removed, is skipped; one whose destination was turned off is given up.
 */
export async function attemptDelivery(deliveryId: string, context: WebhookContext, now: Date): Promise<DeliveryAttempt> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, status: true, attempts: true, firstAttemptAt: true, webhook: { select: destinationSelect }, event: { select: { id: true, createdAt: true, payload: true } } },
  });
  if (!delivery || delivery.status !== "PENDING" || !delivery.event) return { outcome: "skipped", answered: true };
  if (!delivery.webhook.enabled) {
    await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { status: "GAVE_UP", lastError: "the destination was turned off" } });
    return { outcome: "gave up", answered: true };
  }
  const event: WebhookEvent = { id: delivery.event.id, createdAt: delivery.event.createdAt.toISOString(), payload: delivery.event.payload as NotificationPayloadV1 };
  const result = await sendOnce(delivery.webhook, event, delivery.id, context, now);
  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? now;
  const log = { attempts, firstAttemptAt, lastAttemptAt: now, lastStatusCode: result.status, lastResponse: result.response, lastError: result.error };

  const outcome = await db.$transaction(async (tx): Promise<DeliveryOutcome> => {
    if (result.verdict === "succeeded") {
      const updated = await tx.webhookDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { ...log, status: "SUCCEEDED" } });
      if (updated.count > 0) await tx.webhook.updateMany({ where: { id: delivery.webhook.id }, data: { consecutiveFailures: 0 } });
      return "succeeded";
    }
    const next = afterFailure(result.verdict, attempts, firstAttemptAt, now);
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING" },
      data: next.retry ? { ...log, nextAttemptAt: next.nextAttemptAt } : { ...log, status: result.verdict === "failed" ? "FAILED" : "GAVE_UP" },
    });
    if (updated.count === 0) return "skipped";
    await countFailure(tx, delivery.webhook, result, now);
    return next.retry ? "retrying" : result.verdict === "failed" ? "failed" : "gave up";
  });
  return { outcome, answered: result.status !== null };
}

/**
 * One more failed attempt in a row for the destination; at the limit it is
 * turned off (once: the row is locked and judged again), its waiting
 * deliveries are given up, and its creator and the admins are told.
 */
async function countFailure(tx: Tx, webhook: Prisma.WebhookGetPayload<{ select: typeof destinationSelect }>, result: AttemptResult, now: Date): Promise<void> {
  const [row] = await tx.$queryRaw<{ consecutiveFailures: number; enabled: boolean }[]>`
    UPDATE webhook SET "consecutiveFailures" = "consecutiveFailures" + 1 WHERE id = ${webhook.id}
    RETURNING "consecutiveFailures", enabled`;
  if (!row || !row.enabled || row.consecutiveFailures < FAILURES_BEFORE_DISABLING) return;
  const reason = `${FAILURES_BEFORE_DISABLING} deliveries failed in a row; the last: ${result.status !== null ? `${result.status} from the receiver` : (result.error ?? "no answer")}`;
  await tx.webhook.update({ where: { id: webhook.id }, data: { enabled: false, disabledAt: now, disabledReason: reason } });
  await tx.webhookDelivery.updateMany({ where: { webhookId: webhook.id, status: "PENDING" }, data: { status: "GAVE_UP", lastError: "the destination was turned off" } });

  const team = await tx.team.findUniqueOrThrow({ where: { id: webhook.teamId }, select: { timeZone: true } });
  const admins = await tx.membership.findMany({ where: { teamId: webhook.teamId, role: "ADMIN" }, select: { userId: true } });
  const link = await settingsLink(tx, webhook);
  const shown = `${WEBHOOK_FORMAT_LABEL[webhook.format]} destination ${shownUrl(webhook)}`;
  await emitNotification(tx, systemActor({ teamId: webhook.teamId, timeZone: team.timeZone }, "webhooks"), {
    kind: "WEBHOOK_DISABLED",
    project: webhook.projectId && webhook.project ? { id: webhook.projectId, name: webhook.project.name } : null,
    summary: `The ${shown} was turned off after ${FAILURES_BEFORE_DISABLING} failed deliveries in a row`,
    details: { webhookId: webhook.id, format: webhook.format, url: shownUrl(webhook), reason, link },
    link,
    recipientIds: [...(webhook.createdByUserId ? [webhook.createdByUserId] : []), ...admins.map((admin) => admin.userId)],
  });
}

/**
 * Where destinations are managed: the settings of the destination's project,
 * or, for a team-wide one, of the team's most recently created active project
 * (every project's settings list the team-wide destinations).
 */
async function settingsLink(tx: Tx, webhook: { teamId: string; projectId: string | null }): Promise<string> {
  const projectId =
    webhook.projectId ??
    (await tx.project.findFirst({ where: { teamId: webhook.teamId, archivedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true } }))?.id;
  return projectId ? `/projects/${projectId}/settings#webhooks` : "/";
}
