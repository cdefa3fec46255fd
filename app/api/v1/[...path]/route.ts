// Any /api/v1 path no route file serves: 404 in the API's JSON error shape
// (Next's own 404 is an HTML page).
import { noSuchEndpoint } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
export const OPTIONS = noSuchEndpoint;
