import { apiItemPatchBody, itemPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { apiItemConflict, toApiItem } from "@/lib/server/api/presenters";
import { jsonBody, pathOf, versionSent } from "@/lib/server/api/request";
import { loadItemByKey } from "@/lib/server/read-models/item-detail";
import { updateItem } from "@/lib/server/services/items";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

const etag = (version: number) => ({ etag: `"${version}"` });

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const item = await loadItemByKey(actor, projectId, key);
  return json(toApiItem(item, actor.timeZone), 200, etag(item.version));
});

// Goes through updateItem, like an edit in the app: the same per-field
// permissions, evidence policy, merge of a change based on an older version
// (or its 409 in words) and activity.
export const PATCH = apiEndpoint("item.updateStatus", async ({ actor, request, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const { version, ...changes } = await jsonBody(request, apiItemPatchBody);
  const item = await updateItem(actor, { projectId, key, version: versionSent(request, version), changes }).catch(apiItemConflict(actor.timeZone));
  return json(toApiItem(item, actor.timeZone), 200, etag(item.version));
});

export const POST = methodNotAllowed("GET", "PATCH");
export const PUT = methodNotAllowed("GET", "PATCH");
export const DELETE = methodNotAllowed("GET", "PATCH");
