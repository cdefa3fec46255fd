import { filterItems, type ItemFilter } from "@/lib/domain/readiness/filters";
import { apiItemListQuery, projectPath } from "@/lib/schemas/api";
import { invalidField } from "@/lib/server/kernel/errors";
import { apiEndpoint, json } from "@/lib/server/api/handler";
import { apiItemList } from "@/lib/server/api/paged-lists";
import { toApiItemSummary } from "@/lib/server/api/presenters";
import { pathOf, queryOf } from "@/lib/server/api/request";
import { seekPage } from "@/lib/server/read-models/pagination";
import { loadProjectReadiness } from "@/lib/server/read-models/project-page";
import { memberIdByEmail } from "@/lib/server/services/members";

export const dynamic = "force-dynamic";

export const GET = apiEndpoint("project.read", async ({ actor, request, params }) => {
  const { projectId } = pathOf(params, projectPath, "Project");
  const query = queryOf(request, apiItemListQuery);
  const { items, categories, today } = await loadProjectReadiness(actor, projectId);

  // The API names categories and owners; the shared filter takes their ids.
  const filter: ItemFilter = { status: query.status, priority: query.priority, q: query.q };
  if (query.category) {
    const category = categories.find((c) => c.name.toLowerCase() === query.category?.toLowerCase());
    if (!category) throw invalidField("category", `This project has no category “${query.category}”.`);
    filter.category = category.id;
  }
  if (query.owner) {
    const owner = query.owner.toLowerCase() === "none" ? "none" : await memberIdByEmail(actor, query.owner);
    if (!owner) throw invalidField("owner", "No member of this team has that e-mail address.");
    filter.owner = owner;
  }
  if (query.open) filter.open = "1";
  if (query.overdue) filter.overdue = "1";
  if (query.dueThisWeek) filter.dueThisWeek = "1";
  if (query.stale) filter.stale = "1";

  const names = new Map(categories.map((c) => [c.id, c.name]));
  const matching = filterItems(items, filter, { userId: "", today });
  const page = seekPage(apiItemList(actor.teamId, projectId, filter), matching, (item): [string] => [item.key], query.cursor, query.limit);
  return json({ data: page.data.map((item) => toApiItemSummary(item, names.get(item.categoryId) ?? "")), nextCursor: page.nextCursor, timeZone: actor.timeZone });
});
