// The pages that show each kind of change, for server actions to revalidate
// after a success (define-action.ts). Paths follow revalidatePath (Next.js
// 16): a literal path refreshes that one page; a route pattern with a dynamic
// segment needs its type, and "layout" covers every page beneath it. Within a
// Server Function the page being viewed is re-rendered with the answer.

/** A literal path ("/members", "/projects/p1"), or a route pattern and its type. */
export type PagePath = string | readonly [pattern: string, type: "page" | "layout"];

const PROJECT_SUBPAGES = ["activity", "checks", "history", "report", "settings"];

/** The portfolio, listing every project with its readiness, blockers and last activity; the import page, listing them by name. */
export const portfolioPages: PagePath[] = ["/", "/projects/import"];

/** A project's own pages and the lists it appears in: a change to its details, milestones or share links. */
export const projectPages = (projectId: string): PagePath[] => [
  ...portfolioPages,
  `/projects/${projectId}`,
  ...PROJECT_SUBPAGES.map((page) => `/projects/${projectId}/${page}`),
];

/** One item's page and its project's pages: a change to that item, its evidence or waivers. */
export const itemPages = (projectId: string, itemId: string): PagePath[] => [...projectPages(projectId), `/projects/${projectId}/items/${itemId}`];

/**
 * A change that every item of a project shows (its categories, evidence
 * policy or weights, archiving, an import): the project's pages and the item
 * pages, named by their pattern since no path names one project's items only.
 */
export const wholeProjectPages = (projectId: string): PagePath[] => [...projectPages(projectId), ["/(app)/projects/[projectId]/items/[itemId]", "page"]];

/** Items anywhere in the team: a member's items handed over when they leave. */
export const everyProjectPage: PagePath[] = [...portfolioPages, ["/(app)/projects/[projectId]", "layout"]];

/** Every page of the app: the team's name in its header, its time zone in which every page judges days. */
export const everyPage: PagePath[] = [["/", "layout"]];
