import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import { maskedWebhookUrl, type WebhookDeliveryStatus, type WebhookFormat } from "@/lib/domain/notifications/webhook-destinations";
import type { WebhookEvent } from "@/lib/domain/notifications/webhook-formats";
import { createWebhookInput, listWebhooksInput, webhookRefInput } from "@/lib/schemas/webhook";
import { actorLabel, actorUserId, type Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { invalidField, notFound, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { seal, sealingKeyOrRefuse, type SealingKey } from "@/lib/server/kernel/sealed-secrets";
import { projectInTeam } from "@/lib/server/kernel/tenancy";
import { shownActor } from "@/lib/server/notifications/outbox";
import { secretBinding, sendOnce, shownUrl, urlBinding } from "@/lib/server/notifications/webhook-delivery";
import { refusalOf, type WebhookContext } from "@/lib/server/notifications/webhook-sender";
import { recordActivity } from "./activity";

// Chat and webhook destinations of a team, or of one of its projects (docs/webhooks.md).
// Leads and admins manage them (webhook.manage): a destination receives what
// happens in the team, and makes the server connect where it says, so its
// address passes the checks' network guard when added (and again at every
// delivery). A JSON destination's signing secret is made here, shown once,
// and kept sealed, as is a chat destination's address (itself a secret:
// whoever has it can post to the channel). Adding and removing are in the
// activity log; deliveries are in the destination's own log.

/** Deliveries shown with each destination, newest first. */
export const RECENT_DELIVERIES = 5;

/** One attempt's outcome as the delivery log shows it. Times ISO 8601. */
export type WebhookDeliveryView = {
  id: string;
  /** The event's kind, or `TEST` for a test message. */
  kind: NotificationKind | "TEST";
  status: WebhookDeliveryStatus;
  attempts: number;
  statusCode: number | null;
  /** The start of the receiver's last answer (at most 500 characters). */
  response: string | null;
  error: string | null;
  lastAttemptAt: string | null;
  /** When a waiting delivery is tried again. */
  nextAttemptAt: string | null;
};

/** A destination as anyone who manages them sees it: never its secret, its address masked. */
export type WebhookView = {
  id: string;
  format: WebhookFormat;
  /** Origin and last four characters: a chat webhook's address is itself a secret. */
  url: string;
  project: { id: string; name: string } | null;
  /** Kinds delivered; empty for every kind. */
  events: NotificationKind[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdBy: string;
  createdAt: string;
  recentDeliveries: WebhookDeliveryView[];
};

const viewSelect = {
  id: true as const,
  format: true,
  url: true,
  sealedUrl: true,
  project: { select: { id: true, name: true } },
  kinds: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  createdByLabel: true,
  createdAt: true,
  deliveries: {
    orderBy: [{ updatedAt: "desc" as const }, { id: "desc" as const }],
    take: RECENT_DELIVERIES,
    select: { id: true, status: true, attempts: true, lastStatusCode: true, lastResponse: true, lastError: true, lastAttemptAt: true, nextAttemptAt: true, event: { select: { kind: true } } },
  },
} satisfies Prisma.WebhookSelect;

type ViewRow = {
  id: string;
  format: WebhookFormat;
  url: string;
  sealedUrl: string | null;
  project: { id: string; name: string } | null;
  kinds: NotificationKind[];
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdByLabel: string;
  createdAt: Date;
  deliveries: {
    id: string;
    status: WebhookDeliveryStatus;
    attempts: number;
    lastStatusCode: number | null;
    lastResponse: string | null;
    lastError: string | null;
    lastAttemptAt: Date | null;
    nextAttemptAt: Date;
    event: { kind: NotificationKind } | null;
  }[];
};

const toView = (row: ViewRow): WebhookView => ({
  id: row.id,
  format: row.format,
  url: shownUrl(row),
  project: row.project,
  events: row.kinds,
  enabled: row.enabled,
  disabledAt: row.disabledAt?.toISOString() ?? null,
  disabledReason: row.disabledReason,
  consecutiveFailures: row.consecutiveFailures,
  createdBy: row.createdByLabel,
  createdAt: row.createdAt.toISOString(),
  recentDeliveries: row.deliveries.map(toDeliveryView),
});

function toDeliveryView(delivery: ViewRow["deliveries"][number]): WebhookDeliveryView {
  return {
    id: delivery.id,
    kind: delivery.event?.kind ?? "TEST",
    status: delivery.status,
    attempts: delivery.attempts,
    statusCode: delivery.lastStatusCode,
    response: delivery.lastResponse,
    error: delivery.lastError,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.status === "PENDING" ? delivery.nextAttemptAt.toISOString() : null,
  };
}

function keyOrRefuse(): SealingKey {
  return sealingKeyOrRefuse("Webhooks cannot be added on this server (a destination's signing secret or chat address is stored sealed)");
}

/** A new signing secret: 32 random bytes, `whsec_` and base64url. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * Adds a destination. Input (createWebhookInput): `url`, `format`
 * (`slack`, `teams`, `json`), `events` (kinds; empty for all), `projectId?`
 * (only that project's events). The address must resolve to one the network
 * guard allows, over https unless the operator allows its network. Returns
 * the destination and, for JSON, its signing `secret` — the only time it is
 * shown. `options.context` is the guard's (tests allow loopback with it).
 * Errors: VALIDATION (field-level: `url`, `format`, `events`), FORBIDDEN,
 * NOT_FOUND (project), CONFLICT (archived project), UNAVAILABLE (no
 * SHIPSHAPE_SECRET_KEY on the server to seal the secret or chat address).
 */
export async function createWebhook(actor: Actor, input: unknown, options: { context?: WebhookContext } = {}): Promise<{ webhook: WebhookView; secret: string | null }> {
  authorize(actor, "webhook.manage");
  const { url, format, events, projectId } = parseInput(createWebhookInput, input);
  const refusal = await refusalOf(url, options.context);
  if (refusal) throw invalidField("url", refusal);
  const id = randomUUID();
  const secret = format === "JSON" ? newSecret() : null;
  // Sealed: the JSON format's signing secret, or a chat destination's address (itself a secret).
  const key = keyOrRefuse();
  return db.$transaction(async (tx) => {
    if (projectId) await projectInTeam(tx, actor, projectId);
    const row = await tx.webhook.create({
      data: {
        id,
        teamId: actor.teamId,
        projectId: projectId ?? null,
        url: format === "JSON" ? url : maskedWebhookUrl(url),
        sealedUrl: format === "JSON" ? null : seal(url, urlBinding(actor.teamId, id), key),
        format,
        kinds: events,
        sealedSecret: secret ? seal(secret, secretBinding(actor.teamId, id), key) : null,
        keyId: key.keyId,
        createdByUserId: actorUserId(actor),
        createdByLabel: actorLabel(actor),
      },
      select: viewSelect,
    });
    await recordActivity(tx, actor, {
      action: "webhook.created",
      entityType: "webhook",
      entityId: row.id,
      after: { format, url: maskedWebhookUrl(url), events, project: row.project?.name ?? null },
    });
    return { webhook: toView(row), secret };
  });
}

/**
 * The team's destinations, oldest first, each with its last few deliveries;
 * with `projectId`, only those that hear of that project (its own and the
 * team-wide ones). Errors: FORBIDDEN (below lead, read tokens, share links).
 */
export async function listWebhooks(actor: Actor, input: unknown = {}): Promise<WebhookView[]> {
  authorize(actor, "webhook.manage");
  const { projectId } = parseInput(listWebhooksInput, input);
  const rows = await db.webhook.findMany({
    where: { teamId: actor.teamId, ...(projectId ? { OR: [{ projectId: null }, { projectId }] } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: viewSelect,
  });
  return rows.map(toView);
}

/** Removes a destination (`webhookId`) and its delivery log; nothing more is sent to it. Errors: FORBIDDEN, NOT_FOUND. */
export async function deleteWebhook(actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "webhook.manage");
  const { webhookId } = parseInput(webhookRefInput, input);
  return db.$transaction(async (tx) => {
    const webhook = await tx.webhook.findFirst({ where: { id: webhookId, teamId: actor.teamId }, select: { id: true, format: true, url: true, sealedUrl: true, project: { select: { name: true } } } });
    if (!webhook) throw notFound("Webhook");
    await tx.webhook.delete({ where: { id: webhook.id } });
    await recordActivity(tx, actor, {
      action: "webhook.deleted",
      entityType: "webhook",
      entityId: webhook.id,
      before: { format: webhook.format, url: shownUrl(webhook), project: webhook.project?.name ?? null },
    });
    return { id: webhook.id };
  });
}

/**
 * Sends a test message (kind `TEST`) to a destination (`webhookId`) now,
 * once, and adds it to the destination's delivery log; a failure is not
 * retried and does not count towards turning the destination off. Like any
 * delivery it is not in the activity log. Errors: FORBIDDEN, NOT_FOUND.
 */
export async function sendTestWebhook(actor: Actor, input: unknown, options: { context?: WebhookContext } = {}): Promise<WebhookDeliveryView> {
  authorize(actor, "webhook.manage");
  const { webhookId } = parseInput(webhookRefInput, input);
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, teamId: actor.teamId },
    select: { id: true, teamId: true, projectId: true, url: true, sealedUrl: true, format: true, sealedSecret: true, keyId: true, project: { select: { id: true, name: true } } },
  });
  if (!webhook) throw notFound("Webhook");
  const now = (options.context?.now ?? (() => new Date()))();
  const deliveryId = randomUUID();
  const event: WebhookEvent = {
    id: `test_${deliveryId}`,
    createdAt: now.toISOString(),
    payload: {
      v: 1,
      kind: "TEST",
      // Named as in every other event (a person by name alone): the message leaves the team.
      summary: `A test message from Shipshape, sent by ${shownActor(actor)}`,
      project: webhook.project,
      item: null,
      actor: shownActor(actor),
      details: {},
    },
  };
  const result = await sendOnce(webhook, event, deliveryId, options.context ?? {}, now);
  const row = await db.webhookDelivery.create({
    data: {
      id: deliveryId,
      webhookId: webhook.id,
      eventId: null,
      status: result.verdict === "succeeded" ? "SUCCEEDED" : "FAILED",
      attempts: 1,
      nextAttemptAt: now,
      firstAttemptAt: now,
      lastAttemptAt: now,
      lastStatusCode: result.status,
      lastResponse: result.response,
      lastError: result.error,
    },
    select: viewSelect.deliveries.select,
  });
  return toDeliveryView(row);
}
