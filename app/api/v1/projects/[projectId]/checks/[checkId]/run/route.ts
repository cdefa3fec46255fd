import { checkPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiCheckRun } from "@/lib/server/api/presenters";
import { pathOf } from "@/lib/server/api/request";
import { runCheckNow } from "@/lib/server/services/checks";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

// Runs the check and answers with its result: 200 whether it passed or
// failed (a failing target is a result, not an error).
export const POST = apiEndpoint("check.run", async ({ actor, params }) => {
  const run = await runCheckNow(actor, pathOf(params, checkPath, "Check"));
  return json(toApiCheckRun(run));
});

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
