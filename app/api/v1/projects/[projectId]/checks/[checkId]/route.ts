import { checkPath } from "@/lib/schemas/api";
import { apiEndpoint } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { pathOf } from "@/lib/server/api/request";
import { removeCheck } from "@/lib/server/services/checks";

export const dynamic = "force-dynamic";

// Removes the check and its results; the item keeps its status and its last
// check result as evidence until that expires (ADR 0029).
export const DELETE = apiEndpoint("check.manage", async ({ actor, params }) => {
  await removeCheck(actor, pathOf(params, checkPath, "Check"));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("DELETE");
export const POST = methodNotAllowed("DELETE");
export const PUT = methodNotAllowed("DELETE");
export const PATCH = methodNotAllowed("DELETE");
