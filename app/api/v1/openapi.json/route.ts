import { openApiDocument } from "@/lib/server/api/openapi";
import { methodNotAllowed } from "@/lib/server/api/methods";

// Public: the document describes the API, it grants nothing.
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
