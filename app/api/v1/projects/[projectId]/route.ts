import { projectPath } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { toApiProject } from "@/lib/server/api/presenters";
import { pathOf } from "@/lib/server/api/request";
import { loadProjectScore } from "@/lib/server/read-models/project-score";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  return json(toApiProject(await loadProjectScore(actor, projectId)));
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
