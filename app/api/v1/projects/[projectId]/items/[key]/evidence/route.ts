import { apiAddEvidenceBody, itemPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiEvidence } from "@/lib/server/api/presenters";
import { jsonBody, pathOf, withApiFieldNames } from "@/lib/server/api/request";
import { itemRefByKey, loadItemByKey } from "@/lib/server/read-models/item-by-key";
import { addEvidence } from "@/lib/server/services/evidence";

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
  const { url, label, kind, expiresAt } = await jsonBody(request, apiAddEvidenceBody);
  const item = await itemRefByKey(actor, projectId, key);
  const { evidenceId, created } = await withApiFieldNames({ target: "url" }, () =>
    addEvidence(actor, { itemId: item.id, kind, target: url, label, expiresAt }),
  );
  const { evidence } = await loadItemByKey(actor, projectId, key);
  const added = evidence.find((entry) => entry.id === evidenceId);
  return json(added && toApiEvidence(added), created ? 201 : 200);
});
