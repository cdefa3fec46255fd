import { webhookPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { pathOf } from "@/lib/server/api/request";
import { sendTestWebhook } from "@/lib/server/services/webhooks";

export const dynamic = "force-dynamic";

// Waits for the receiver (at most 10 s); a failing receiver is a 200 with the failed delivery.
export const POST = apiEndpoint("webhook.manage", async ({ actor, params }) => json(await sendTestWebhook(actor, pathOf(params, webhookPath, "Webhook"))));

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
