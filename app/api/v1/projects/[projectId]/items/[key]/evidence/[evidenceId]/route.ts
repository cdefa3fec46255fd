import { evidencePath } from "@/lib/schemas/api";
import { apiEndpoint } from "@/lib/server/api/handler";
import { pathOf } from "@/lib/server/api/request";
import { removeEvidence } from "@/lib/server/services/evidence";

export const dynamic = "force-dynamic";

export const DELETE = apiEndpoint("evidence.remove", async ({ actor, params }) => {
  await removeEvidence(actor, pathOf(params, evidencePath, "Evidence"));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
