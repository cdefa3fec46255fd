import { apiItemListQuery, projectPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiItemSummary } from "@/lib/server/api/presenters";
import { pathOf, queryOf } from "@/lib/server/api/request";
import { itemPage } from "@/lib/server/read-models/api-pages";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, request, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  const page = await itemPage(actor, projectId, queryOf(request, apiItemListQuery));
  return json({ data: page.data.map((item) => toApiItemSummary(item, item.categoryName)), nextCursor: page.nextCursor, timeZone: actor.timeZone });
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
