import { apiEvidencePatchBody, evidencePath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiEvidence } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { removeEvidence } from "@/lib/server/services/evidence";
import { updateEvidence } from "@/lib/server/services/evidence-edit";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

// 200 with the evidence as edited.
export const PATCH = apiEndpoint("evidence.add", async ({ actor, request, params }) => {
  const path = pathOf(params, evidencePath, "Evidence");
  const { evidence } = await updateEvidence(actor, { ...path, ...(await jsonBody(request, apiEvidencePatchBody)) });
  return json(toApiEvidence(evidence));
});

export const DELETE = apiEndpoint("evidence.remove", async ({ actor, params }) => {
  await removeEvidence(actor, pathOf(params, evidencePath, "Evidence"));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = methodNotAllowed("PATCH", "DELETE");
export const PUT = methodNotAllowed("PATCH", "DELETE");
