// The inputs of the chat and webhook destinations service
// (lib/server/services/webhooks.ts): adding one, removing one, sending a test.
// Whether the address may be reached is judged by the service, with the
// network guard (it needs the operator's policy and a DNS answer).
import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { id, plainString } from "./fields";

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** An http(s) address without credentials; https is required by the service unless the operator allows the network. */
export const webhookUrl = plainString({ error: "Enter the address the messages are sent to." })
  .trim()
  .min(1, "Enter the address the messages are sent to.")
  .max(MAX_WEBHOOK_URL_LENGTH, `Use at most ${MAX_WEBHOOK_URL_LENGTH} characters.`)
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "Enter a full address starting with https://." });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") context.addIssue({ code: "custom", message: "Use an https:// address." });
    else if (url.username || url.password) context.addIssue({ code: "custom", message: "Leave the user name and password out of the address." });
  })
  .meta({ description: "Where the messages are posted: https:// (http:// only to a network the operator allows)." });

/** The format as the API and forms name it, lower case (upper case is read too: a parsed input parses again). */
export const webhookFormatField = z
  .preprocess((value) => (typeof value === "string" ? value.toLowerCase() : value), z.enum(["slack", "teams", "json"], { error: "Choose Slack, Microsoft Teams or JSON." }))
  .transform((value) => value.toUpperCase() as "SLACK" | "TEAMS" | "JSON")
  .meta({ description: "`slack` (incoming webhook), `teams` (incoming webhook or workflow) or `json` (signed, see the Shipshape-Signature header)." });

/** Kinds delivered; none (or an empty list) means every kind. */
export const webhookEvents = z
  .array(z.enum(NOTIFICATION_KINDS, { error: "Choose kinds of event from the list." }))
  .max(NOTIFICATION_KINDS.length)
  .default([])
  .transform((kinds) => [...new Set(kinds)])
  .meta({ description: "The kinds of event to deliver; empty or left out for every kind." });

export const createWebhookInput = z.object({
  url: webhookUrl,
  format: webhookFormatField,
  events: webhookEvents,
  projectId: id.optional().meta({ description: "Only this project's events; left out for every project of the team." }),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const webhookRefInput = z.object({ webhookId: id });

export const listWebhooksInput = z.object({
  /** Only the destinations that hear of this project: its own and the team-wide ones. */
  projectId: id.optional(),
});
