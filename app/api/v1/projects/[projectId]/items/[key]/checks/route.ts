import { apiAddCheckRequest, itemPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiCheck } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { addCheck, listChecks } from "@/lib/server/services/checks";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const checks = await listChecks(actor, { projectId, itemKey: key });
  return json({ data: checks.map(toApiCheck) });
});

export const POST = apiEndpoint("check.manage", async ({ actor, request, params }) => {
  const { projectId, key } = pathOf(params, itemPath, "Item");
  const check = await addCheck(actor, { ...(await jsonBody(request, apiAddCheckRequest)), projectId, key });
  return json(toApiCheck(check), 201);
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
