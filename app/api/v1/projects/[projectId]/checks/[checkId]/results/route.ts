import { apiReportResultBody, checkPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiCheckReport } from "@/lib/server/api/presenters";
import { jsonBody, pathOf } from "@/lib/server/api/request";
import { reportCheckResult } from "@/lib/server/services/checks";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

// A pipeline reports the result of a `reported` check; it is stored and
// applied at once. 201 whether the result passed or failed.
export const POST = apiEndpoint("check.run", async ({ actor, request, params }) => {
  const path = pathOf(params, checkPath, "Check");
  const done = await reportCheckResult(actor, { ...(await jsonBody(request, apiReportResultBody)), ...path });
  return json(toApiCheckReport(done), 201);
});

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
