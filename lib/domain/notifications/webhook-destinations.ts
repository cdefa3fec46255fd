// The kinds of chat and webhook destination, as forms and lists name them.
// Safe for the browser (the formats themselves are in webhook-formats.ts).

export const WEBHOOK_FORMATS = ["SLACK", "TEAMS", "JSON"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_FORMAT_LABEL: Record<WebhookFormat, string> = {
  SLACK: "Slack",
  TEAMS: "Microsoft Teams",
  JSON: "JSON (signed)",
};

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "SUCCEEDED", "FAILED", "GAVE_UP"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUS_LABEL: Record<WebhookDeliveryStatus, string> = {
  PENDING: "Waiting to retry",
  SUCCEEDED: "Delivered",
  FAILED: "Failed",
  GAVE_UP: "Gave up",
};

/**
 * A destination's address as lists show it: chat webhook addresses are
 * secrets themselves (whoever has one can post to the channel), so only the
 * origin and the last four characters are shown: "https://hooks.slack.com/…x9Qa".
 */
export function maskedWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname}${parsed.search}`.replace(/^\/$/, "");
    return rest.length === 0 ? parsed.origin : `${parsed.origin}/…${rest.slice(-4)}`;
  } catch {
    return "…";
  }
}
