import { apiCreateProjectBody, apiProjectListQuery } from "@/lib/schemas/api";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { projectWebUrl, toApiProject, toApiProjectSummary } from "@/lib/server/api/presenters";
import { jsonBody, queryOf } from "@/lib/server/api/request";
import { projectPage } from "@/lib/server/read-models/api-pages";
import { createProject } from "@/lib/server/services/projects";
import { methodNotAllowed } from "@/lib/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, request }) => {
  const page = await projectPage(actor, queryOf(request, apiProjectListQuery));
  return json({ data: page.data.map(toApiProjectSummary), nextCursor: page.nextCursor });
});

// The API always starts from a template: the built-in catalogue or one of the team's.
export const POST = apiEndpoint("project.create", async ({ actor, request }) => {
  const project = await createProject(actor, { ...(await jsonBody(request, apiCreateProjectBody)), source: "catalogue" });
  return json(toApiProject(project), 201, { location: projectWebUrl(project.projectId) });
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
