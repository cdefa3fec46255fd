import { apiCreateProjectBody, apiProjectListQuery, BUILT_IN_TEMPLATE } from "@/lib/schemas/api";
import { portfolioQuery } from "@/lib/schemas/project";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { apiProjectList } from "@/lib/server/api/paged-lists";
import { projectWebUrl, toApiProject, toApiProjectSummary } from "@/lib/server/api/presenters";
import { jsonBody, queryOf, withApiFieldNames } from "@/lib/server/api/request";
import { creationKeyOf, seekPage } from "@/lib/server/read-models/pagination";
import { loadPortfolio } from "@/lib/server/read-models/portfolio";
import { loadProjectScore } from "@/lib/server/read-models/project-score";
import { createProject } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, request }) => {
  const { cursor, limit, archived } = queryOf(request, apiProjectListQuery);
  const { projects } = await loadPortfolio(actor, portfolioQuery.parse({ sort: "name", dir: "asc", archived }));
  const page = seekPage(apiProjectList(actor.teamId, archived), projects, creationKeyOf, cursor, limit);
  return json({ data: page.data.map(toApiProjectSummary), nextCursor: page.nextCursor });
});

export const POST = apiEndpoint("project.create", async ({ actor, request }) => {
  const { template, categories, ...details } = await jsonBody(request, apiCreateProjectBody);
  const { projectId } = await withApiFieldNames({ categoryKeys: "categories" }, () =>
    createProject(actor, {
      ...details,
      source: "catalogue",
      template: template === BUILT_IN_TEMPLATE ? undefined : template,
      categoryKeys: categories,
    }),
  );
  const project = toApiProject(await loadProjectScore(actor, projectId));
  return json(project, 201, { location: projectWebUrl(projectId) });
});
