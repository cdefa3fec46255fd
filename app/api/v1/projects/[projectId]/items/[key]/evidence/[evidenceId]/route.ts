import { evidencePath } from "@/lib/schemas/api";
import { apiEndpoint } from "@/lib/server/api/handler";
import { pathOf } from "@/lib/server/api/request";
import { itemRefByKey } from "@/lib/server/read-models/item-by-key";
import { removeEvidence } from "@/lib/server/services/evidence";

export const dynamic = "force-dynamic";

export const DELETE = apiEndpoint("evidence.remove", async ({ actor, params }) => {
  const { projectId, key, evidenceId } = pathOf(params, evidencePath, "Evidence");
  const item = await itemRefByKey(actor, projectId, key);
  await removeEvidence(actor, { evidenceId, itemId: item.id });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
