import { apiAddEvidenceBody, itemPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiEvidence } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { loadItemByKey } from "@/lib/server/read-models/item-detail";
import { addEvidence } from "@/lib/server/services/evidence";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const { evidence } = await loadItemByKey(actor, projectId, key);
  return json({ data: evidence.map(toApiEvidence) });
});

// 201 with the new evidence, or 200 with the existing one when the item
// already has this URL.
export const POST = apiEndpoint("evidence.add", async ({ actor, request, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const { evidence, created } = await addEvidence(actor, { projectId, key, ...(await jsonBody(request, apiAddEvidenceBody)) });
  return json(toApiEvidence(evidence), created ? 201 : 200);
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
