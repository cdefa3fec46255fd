import { webhookPath } from "@/lib/schemas/api";
import { apiEndpoint } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { pathOf } from "@/lib/server/api/request";
import { deleteWebhook } from "@/lib/server/services/webhooks";

export const dynamic = "force-dynamic";

export const DELETE = apiEndpoint("webhook.manage", async ({ actor, params }) => {
  await deleteWebhook(actor, pathOf(params, webhookPath, "Webhook"));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("DELETE");
export const POST = methodNotAllowed("DELETE");
export const PUT = methodNotAllowed("DELETE");
export const PATCH = methodNotAllowed("DELETE");
