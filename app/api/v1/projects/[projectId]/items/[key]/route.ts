import { apiItemPatchBody, itemPath } from "@/lib/schemas/api";
import { invalidField } from "@/lib/server/kernel/errors";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { isItemConflict, toApiItem, toApiItemConflict } from "@/lib/server/api/presenters";
import { jsonBody, pathOf, versionFromIfMatch, withApiFieldNames } from "@/lib/server/api/request";
import { itemRefByKey, loadItemByKey } from "@/lib/server/read-models/item-by-key";
import { updateItem } from "@/lib/server/services/items";
import { memberIdByEmail } from "@/lib/server/services/members";

export const dynamic = "force-dynamic";

const etag = (version: number) => ({ etag: `"${version}"` });

// The service's field names the API names differently.
const API_FIELD_NAMES = { ownerId: "ownerEmail" };

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const item = await loadItemByKey(actor, projectId, key);
  return json(toApiItem(projectId, item, actor.timeZone), 200, etag(item.item.version));
});

// Goes through updateItem, like an edit in the app: the same per-field
// permissions, evidence policy, merge of a change based on an older version
// (or its 409 in words) and activity.
export const PATCH = apiEndpoint("item.updateStatus", async ({ actor, request, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const { version: bodyVersion, ownerEmail, ...changes } = await jsonBody(request, apiItemPatchBody);
  // An If-Match that names no version (`*`, a list) or one the body
  // contradicts would let the change land on a version nobody read.
  const ifMatch = request.headers.get("if-match");
  const headerVersion = versionFromIfMatch(ifMatch);
  if (ifMatch !== null && headerVersion === undefined) throw invalidField("If-Match", 'Send the one version you read, e.g. If-Match: "3".');
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw invalidField("version", `The version field (${bodyVersion}) and If-Match (${headerVersion}) disagree: send the one version you read.`);
  }
  const version = bodyVersion ?? headerVersion;
  if (version === undefined) {
    throw invalidField("version", "Send the version you read (the `version` field or an If-Match header), so that a change made meanwhile is not overwritten.");
  }
  let ownerId: string | null | undefined;
  if (ownerEmail !== undefined) {
    ownerId = ownerEmail === null ? null : await memberIdByEmail(actor, ownerEmail);
    if (ownerId === null && ownerEmail !== null) throw invalidField("ownerEmail", "No member of this team has that e-mail address.");
  }
  const item = await itemRefByKey(actor, projectId, key);
  try {
    await withApiFieldNames(API_FIELD_NAMES, () =>
      updateItem(actor, { itemId: item.id, version, changes: { ...changes, ...(ownerId !== undefined ? { ownerId } : {}) } }),
    );
  } catch (error) {
    if (isItemConflict(error)) throw toApiItemConflict(error, toApiItem(projectId, await loadItemByKey(actor, projectId, key), actor.timeZone), API_FIELD_NAMES);
    throw error;
  }
  const updated = await loadItemByKey(actor, projectId, key);
  return json(toApiItem(projectId, updated, actor.timeZone), 200, etag(updated.item.version));
});
