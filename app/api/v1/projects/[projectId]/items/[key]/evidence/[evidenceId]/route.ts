import { evidencePath } from "@/lib/schemas/api";
import { apiEndpoint } from "@/lib/server/api/handler";
import { pathOf } from "@/lib/server/api/request";
import { removeEvidence } from "@/lib/server/services/evidence";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const DELETE = apiEndpoint("evidence.remove", async ({ actor, params }) => {
  await removeEvidence(actor, pathOf(params, evidencePath, "Evidence"));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("DELETE");
export const POST = methodNotAllowed("DELETE");
export const PUT = methodNotAllowed("DELETE");
export const PATCH = methodNotAllowed("DELETE");
