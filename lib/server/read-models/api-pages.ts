import "server-only";
import { z } from "zod";
import { filterItems, type ItemFilter } from "@/lib/domain/readiness/filters";
import type { apiItemListQuery, apiProjectListQuery } from "@/lib/schemas/api";
import { portfolioQuery } from "@/lib/schemas/project";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { invalidField } from "@/lib/server/kernel/errors";
import type { ItemView } from "./item-view";
import { creationKey, creationKeyOf, seekPage, type CreationKey, type Page, type PagedList } from "./pagination";
import { loadPortfolio, type PortfolioProject } from "./portfolio";
import { loadProjectReadiness } from "./project-page";

type ApiProjectListQuery = z.infer<typeof apiProjectListQuery>;
type ApiItemListQuery = z.infer<typeof apiItemListQuery>;

// The REST API's paged lists and their orders (docs/api.md, "Pagination").
// Both sort by keys that edits cannot change, so a cursor stays valid whatever
// happens to the rows (docs/adr/0018-keyset-cursors.md).

/** The team's projects, oldest first (creation time, then id), as chosen by `archived`. */
export const apiProjectList = (teamId: string, archived: string): PagedList<CreationKey> => ({
  kind: "api.projects",
  key: creationKey,
  scope: { teamId, archived },
});

/**
 * A project's items matching `filter` (category and owner as ids), by item key
 * (which never changes), compared as text.
 */
export const apiItemList = (teamId: string, projectId: string, filter: ItemFilter): PagedList<[key: string]> => ({
  kind: "api.items",
  key: z.tuple([z.string().min(1)]),
  scope: { teamId, projectId, ...filter },
});

/** A page of the team's projects with their readiness. Errors: VALIDATION on `cursor`, FORBIDDEN. */
export async function projectPage(actor: Actor, { cursor, limit, archived }: ApiProjectListQuery): Promise<Page<PortfolioProject>> {
  const { projects } = await loadPortfolio(actor, portfolioQuery.parse({ sort: "name", dir: "asc", archived }));
  return seekPage(apiProjectList(actor.teamId, archived), projects, creationKeyOf, cursor, limit);
}

export type ListedItem = ItemView & { categoryName: string };

/**
 * A page of a project's items matching the API's filters, which name the
 * category (case-insensitively) and the owner (a member's e-mail, or `none`)
 * where the app's filter takes ids. Errors: VALIDATION on `category`, `owner`
 * or `cursor`; FORBIDDEN; NOT_FOUND.
 */
export async function itemPage(actor: Actor, projectId: string, query: ApiItemListQuery): Promise<Page<ListedItem>> {
  const { items, categories, today } = await loadProjectReadiness(actor, projectId);
  const filter: ItemFilter = { status: query.status, priority: query.priority, q: query.q };
  if (query.category) {
    const category = categories.find((c) => c.name.toLowerCase() === query.category?.toLowerCase());
    if (!category) throw invalidField("category", `This project has no category “${query.category}”.`);
    filter.category = category.id;
  }
  if (query.owner) filter.owner = await ownerFilter(actor, query.owner);
  if (query.open) filter.open = "1";
  if (query.overdue) filter.overdue = "1";
  if (query.dueThisWeek) filter.dueThisWeek = "1";
  if (query.stale) filter.stale = "1";

  const names = new Map(categories.map((c) => [c.id, c.name]));
  const matching = filterItems(items, filter, { userId: "", today }).map((item) => ({ ...item, categoryName: names.get(item.categoryId) ?? "" }));
  return seekPage(apiItemList(actor.teamId, projectId, filter), matching, (item): [string] => [item.key], query.cursor, query.limit);
}

// `none`, or the id of the team's member with that e-mail address.
async function ownerFilter(actor: Actor, owner: string): Promise<string> {
  if (owner.toLowerCase() === "none") return "none";
  const member = await db.membership.findFirst({ where: { teamId: actor.teamId, user: { email: owner.trim().toLowerCase() } }, select: { userId: true } });
  if (!member) throw invalidField("owner", "No member of this team has that e-mail address.");
  return member.userId;
}
