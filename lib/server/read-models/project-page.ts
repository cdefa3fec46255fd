import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { dayIn } from "@/lib/domain/readiness/dates";
import { readinessMatrix, type MatrixRow } from "@/lib/domain/readiness/matrix";
import { readinessOf, type Readiness } from "@/lib/domain/readiness/score";
import { launchBlockerItems, nextLevelItems } from "@/lib/domain/readiness/next-level";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { activityViewSelect, toActivityView, type ActivityView } from "./activity-view";
import { itemViewSelect, scorableOf, toItemView, type ItemView } from "./item-view";
import { projectViewSelect, toProjectView, weightsOf, type ProjectView } from "./project-view";

export type MemberOption = { userId: string; name: string };

// Members in the order owner pickers list them, as a relation of the team.
const memberOptionsSelect = {
  select: { user: { select: { id: true, name: true } } },
  orderBy: { user: { name: "asc" } },
} satisfies Prisma.Team$membershipsArgs;

const toMemberOptions = (memberships: { user: { id: string; name: string } }[]): MemberOption[] =>
  memberships.map((m) => ({ userId: m.user.id, name: m.user.name }));

// The team's members, for owner pickers and names in activity feeds.
export async function memberOptions(teamId: string): Promise<MemberOption[]> {
  return toMemberOptions(await db.membership.findMany({ where: { teamId }, relationLoadStrategy: "join", ...memberOptionsSelect }));
}

// A project with its categories and scored items: what the project page and
// the REST API both show.
export type ProjectReadiness = {
  // The team's calendar day the items were judged on ("overdue", "due this week").
  today: string;
  project: ProjectView;
  categories: { id: string; name: string }[];
  items: ItemView[];
  readiness: Readiness;
  matrix: MatrixRow[];
  // Items standing between the project and its next level, most important first.
  nextLevelItems: ItemView[];
  blockers: ItemView[];
};

export type ProjectPage = ProjectReadiness & {
  members: MemberOption[];
  recentActivity: ActivityView[];
};

const projectWithItemsSelect = {
  ...projectViewSelect,
  categories: { orderBy: { position: "asc" }, select: { id: true, name: true } },
  items: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: itemViewSelect },
} satisfies Prisma.ProjectSelect;

// One joined statement: the project, its categories and its items with their
// evidence expiries and open waivers.
function projectWithItems(actor: Actor, projectId: string) {
  return db.project.findFirst({ where: { id: projectId, teamId: actor.teamId }, relationLoadStrategy: "join", select: projectWithItemsSelect });
}

// The same statement with the team's members and the project's latest
// activity joined in: each statement costs the query builder CPU of its own,
// more than the rows it adds here.
function projectPageRow(actor: Actor, projectId: string) {
  return db.project.findFirst({
    where: { id: projectId, teamId: actor.teamId },
    relationLoadStrategy: "join",
    select: {
      ...projectWithItemsSelect,
      team: {
        select: {
          memberships: memberOptionsSelect,
          activities: { where: { projectId }, orderBy: { createdAt: "desc" }, take: 6, select: activityViewSelect },
        },
      },
    },
  });
}

type ProjectWithItems = NonNullable<Awaited<ReturnType<typeof projectWithItems>>>;

function scoreProject(row: ProjectWithItems, now: Date, timeZone: string): ProjectReadiness {
  const weights = weightsOf(row);
  const scorable = row.items.map((item) => ({ ...scorableOf(item, row.evidencePolicy, now), categoryId: item.categoryId }));
  const items = row.items.map((item) => toItemView(item, row.evidencePolicy, now, timeZone));
  const readiness = readinessOf(scorable, weights, now);
  return {
    today: dayIn(now, timeZone),
    project: toProjectView(row, now, timeZone),
    categories: row.categories,
    items,
    readiness,
    matrix: readinessMatrix(row.categories, scorable, weights, now),
    nextLevelItems: nextLevelItems(items, readiness.nextLevel),
    blockers: launchBlockerItems(items),
  };
}

// One statement whatever the size of the project.
export async function loadProjectReadiness(actor: Actor, projectId: string, now = new Date()): Promise<ProjectReadiness> {
  authorize(actor, "project.read");
  const row = await projectWithItems(actor, projectId);
  if (!row) throw notFound("Project");
  return scoreProject(row, now, actor.timeZone);
}

// One statement whatever the size of the project: the project with its
// categories and items, the team's members, and the latest activity.
export async function loadProjectPage(actor: Actor, projectId: string, now = new Date()): Promise<ProjectPage> {
  authorize(actor, "project.read");
  const row = await projectPageRow(actor, projectId);
  if (!row) throw notFound("Project");
  return { ...scoreProject(row, now, actor.timeZone), members: toMemberOptions(row.team.memberships), recentActivity: row.team.activities.map(toActivityView) };
}
