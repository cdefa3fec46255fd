import { apiStoreRepositoryTokenBody } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { methodNotAllowed } from "@/lib/server/api/methods";
import { jsonBody } from "@/lib/server/api/request";
import { listRepositoryTokens, storeRepositoryToken } from "@/lib/server/services/repository-tokens";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("check.manage", async ({ actor }) => json({ data: await listRepositoryTokens(actor) }));

// The view never holds the token: only its host, user name and last four characters.
export const POST = apiEndpoint("check.manage", async ({ actor, request }) => json(await storeRepositoryToken(actor, await jsonBody(request, apiStoreRepositoryTokenBody))));

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
