import { apiAcceptCheckSuggestionsBody, projectPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiAcceptedCheckSuggestions, toApiCheckSuggestions } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { acceptChecks, proposeChecks } from "@/lib/server/services/check-suggestions";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("check.manage", async ({ actor, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  return json(toApiCheckSuggestions(await proposeChecks(actor, { projectId })));
});

export const POST = apiEndpoint("check.manage", async ({ actor, request, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  const accepted = await acceptChecks(actor, { ...(await jsonBody(request, apiAcceptCheckSuggestionsBody)), projectId });
  return json(toApiAcceptedCheckSuggestions(accepted), accepted.added.length > 0 ? 201 : 200);
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
