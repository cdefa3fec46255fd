// What a chat or webhook destination receives for one event, and when a
// failed delivery is tried again. Pure: the delivery job (lib/server/jobs/webhooks.ts)
// sends what these build. The JSON format and its signature are documented
// for receivers in docs/webhooks.md.
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KIND_LABEL } from "./kinds";
import type { NotificationPayloadV1 } from "./payload";
import type { WebhookFormat } from "./webhook-destinations";


/** An event's facts as delivered: the outbox's payload, or a test message (kind `TEST`, sent from the settings or the API). */
export type WebhookPayload = Omit<NotificationPayloadV1, "kind"> & { kind: NotificationPayloadV1["kind"] | "TEST" };

/** One event as a destination hears of it. `createdAt` is ISO 8601. */
export type WebhookEvent = { id: string; createdAt: string; payload: WebhookPayload };

const kindLabel = (kind: WebhookPayload["kind"]) => (kind === "TEST" ? "A test message: this destination is set up" : NOTIFICATION_KIND_LABEL[kind]);

/** A request to send: the body exactly as signed, and the headers that go with it. */
export type WebhookMessage = { body: string; headers: Record<string, string> };

/** Where an event leads in the app: its item, else its project, else the app's home page. A path. */
export function eventPath(payload: WebhookPayload): string {
  if (payload.project && payload.item) return `/projects/${payload.project.id}/items/${payload.item.id}`;
  if (payload.project) return `/projects/${payload.project.id}`;
  const link = payload.details.link;
  return typeof link === "string" && link.startsWith("/") ? link : "/";
}

/** The absolute link back to the app for an event (`appUrl` is APP_URL). */
export function eventUrl(payload: WebhookPayload, appUrl: string): string {
  return new URL(eventPath(payload), appUrl).toString();
}

// Slack's mrkdwn and Teams' Markdown read `<`, `>` and `&` (Slack) or `*_[]` (Teams)
// as markup; an item title typed by someone is shown as typed.
const slackText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const contextLine = (payload: WebhookPayload) =>
  [payload.project?.name, payload.item ? `${payload.item.key} · ${payload.item.title}` : null, `by ${payload.actor}`].filter(Boolean).join(" — ");

/** A Slack incoming-webhook message: `text` (notifications, fallbacks) and blocks with a section and a link button. */
export function slackMessage(event: WebhookEvent, appUrl: string): Record<string, unknown> {
  const { payload } = event;
  const url = eventUrl(payload, appUrl);
  return {
    text: payload.summary,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${slackText(payload.summary)}*\n${slackText(contextLine(payload))}` } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "Open in Shipshape", emoji: false }, url, action_id: "open-in-shipshape" }],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: slackText(kindLabel(payload.kind)) }] },
    ],
  };
}

/**
 * A Microsoft Teams incoming-webhook message: an Adaptive Card (1.4) in a
 * `message` envelope, the shape both the Office 365 connectors and the
 * Workflows ("Post to a channel when a webhook request is received") accept,
 * with an "Open in Shipshape" action.
 */
export function teamsMessage(event: WebhookEvent, appUrl: string): Record<string, unknown> {
  const { payload } = event;
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: payload.summary, weight: "Bolder", size: "Medium", wrap: true },
            { type: "TextBlock", text: contextLine(payload), isSubtle: true, wrap: true },
            { type: "TextBlock", text: kindLabel(payload.kind), isSubtle: true, size: "Small", wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in Shipshape", url: eventUrl(payload, appUrl) }],
        },
      },
    ],
  };
}

/** The JSON format's body: `{ id, type, createdAt, data }`, `data` being the versioned payload. */
export function jsonEnvelope(event: WebhookEvent): { id: string; type: string; createdAt: string; data: WebhookPayload } {
  return { id: event.id, type: event.payload.kind, createdAt: event.createdAt, data: event.payload };
}

/** The hex HMAC-SHA256 of `"<t>.<body>"` with the secret. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The `Shipshape-Signature` header: `t=<unix seconds>,v1=<hex HMAC>`. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** Seconds a receiver should accept between the signature's time and its own clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * What a receiver does (docs/webhooks.md): true when `header` signs `body`
 * with `secret` within the tolerance of `nowSeconds`. Constant-time compare.
 */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1 || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The request for one event in one format. `deliveryId` is the same on every
 * retry of the delivery (receivers deduplicate with it); `secret` is needed
 * for JSON; `now` stamps the signature.
 */
export function webhookMessage(format: WebhookFormat, event: WebhookEvent, options: { appUrl: string; deliveryId: string; secret?: string | null; now: Date }): WebhookMessage {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (format === "SLACK") return { body: JSON.stringify(slackMessage(event, options.appUrl)), headers };
  if (format === "TEAMS") return { body: JSON.stringify(teamsMessage(event, options.appUrl)), headers };
  if (!options.secret) throw new Error("A JSON webhook is signed: its secret is needed.");
  const body = JSON.stringify(jsonEnvelope(event));
  const timestamp = Math.floor(options.now.getTime() / 1000);
  return {
    body,
    headers: {
      ...headers,
      "shipshape-event": event.payload.kind,
      "shipshape-delivery": options.deliveryId,
      "shipshape-signature": signatureHeader(options.secret, timestamp, body),
    },
  };
}

// ── Retries ─────────────────────────────────────────────────────────────────

/** A delivery is tried again for this long after its first attempt. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The first retry waits this long; each next one twice as long, up to the cap. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60 * 1000;
/** Failed attempts in a row (any of the destination's deliveries) that turn the destination off. */
export const FAILURES_BEFORE_DISABLING = 10;
/** How long one attempt may take, answer included. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Characters of the receiver's answer kept in the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 500;

/** The wait before retry number `attempts` (1 after the first attempt): 1 min, 2, 4 … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** How an attempt ended: a 2xx, or a failure worth trying again (network, timeout, 5xx, 429), or one that is not. */
export type AttemptVerdict = "succeeded" | "retry" | "failed";

/** Judges an answer's status; `null` for no answer (network error, timeout). */
export function judgeAttempt(status: number | null): AttemptVerdict {
  if (status === null) return "retry";
  if (status >= 200 && status < 300) return "succeeded";
  if (status === 429 || status >= 500) return "retry";
  return "failed";
}

/**
 * What becomes of a delivery after a failed attempt: tried again at
 * `nextAttemptAt`, or not (`retry` false) when the failure is final or the
 * next try would fall outside the window after `firstAttemptAt`.
 */
export function afterFailure(verdict: Exclude<AttemptVerdict, "succeeded">, attempts: number, firstAttemptAt: Date, now: Date): { retry: true; nextAttemptAt: Date } | { retry: false } {
  if (verdict === "failed") return { retry: false };
  const next = new Date(now.getTime() + retryDelayMs(attempts));
  if (next.getTime() - firstAttemptAt.getTime() > RETRY_WINDOW_MS) return { retry: false };
  return { retry: true, nextAttemptAt: next };
}

/** At most RESPONSE_EXCERPT_CHARS of a receiver's answer. */
export const responseExcerpt = (text: string): string => (text.length > RESPONSE_EXCERPT_CHARS ? `${text.slice(0, RESPONSE_EXCERPT_CHARS - 1)}…` : text);
