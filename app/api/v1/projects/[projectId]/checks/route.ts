import { projectPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiCheck } from "@/lib/server/api/presenters";
import { pathOf } from "@/lib/server/api/request";
import { listChecks } from "@/lib/server/services/checks";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  const checks = await listChecks(actor, { projectId });
  return json({ data: checks.map(toApiCheck) });
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
