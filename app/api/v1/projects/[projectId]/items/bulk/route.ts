import { apiBulkItemsBody, projectPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiBulkItemsResult } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { methodNotAllowed } from "@/lib/server/api/methods";
import * as itemRoute from "@/app/api/v1/projects/[projectId]/items/[key]/route";

export const dynamic = "force-dynamic";

// Goes through bulkUpdateItems, like the checklist's bulk bar: each item
// judged as a single edit would be (per-field permissions, evidence policy,
// N/A reason), all of it in one transaction with its activity.
export const POST = apiEndpoint("item.updateStatus", async ({ actor, request, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  const body = await jsonBody(request, apiBulkItemsBody);
  const result = await bulkUpdateItems(actor, { projectId, ...body });
  return json(toApiBulkItemsResult(result, actor.timeZone));
});

// `bulk` is also a valid item key: this path keeps answering for such an
// item what …/items/{key} answers for any other.
type Context = { params: Promise<Record<string, string | string[]>> };
const asItem = (handler: (request: Request, context: Context) => Promise<Response>) => (request: Request, { params }: Context) =>
  handler(request, { params: params.then((values) => ({ ...values, key: "bulk" })) });

export const GET = asItem(itemRoute.GET);
export const PATCH = asItem(itemRoute.PATCH);
export const PUT = methodNotAllowed("GET", "POST", "PATCH");
export const DELETE = methodNotAllowed("GET", "POST", "PATCH");
