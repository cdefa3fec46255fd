import { apiCreateWebhookBody } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { jsonBody } from "@/lib/server/api/request";
import { createWebhook, listWebhooks } from "@/lib/server/services/webhooks";

export const dynamic = "force-dynamic";

// The list never holds a secret, and masks each address.
export const GET = apiEndpoint("webhook.manage", async ({ actor }) => json({ data: await listWebhooks(actor) }));

// The one answer that holds a JSON destination's signing secret.
export const POST = apiEndpoint("webhook.manage", async ({ actor, request }) => {
  const { webhook, secret } = await createWebhook(actor, await jsonBody(request, apiCreateWebhookBody));
  return json({ ...webhook, secret }, 201);
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
