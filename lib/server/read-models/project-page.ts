import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { dayIn } from "@/lib/domain/readiness/dates";
import { isDueThisWeek } from "@/lib/domain/readiness/filters";
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
  overview: ProjectOverview;
};

/** How many rows each overview panel shows before "and N more". */
export const OVERVIEW_LIST_SIZE = 8;

/** The first OVERVIEW_LIST_SIZE of a list, and how long the whole list is. */
export type OverviewList<T> = { shown: T[]; total: number };

/** A waiver request waiting for a lead's decision, as the overview lists it. */
export type PendingWaiverView = {
  waiverId: string;
  itemId: string;
  itemKey: string;
  itemTitle: string;
  priority: ItemView["priority"];
  reason: string;
  requestedById: string | null;
  requestedByName: string | null;
  // When it was asked for (ISO 8601 instant).
  requestedAt: string;
  // The day it would be granted until, in the team's zone.
  expiresOn: string;
};

/**
 * What a lead asks first: the launch blockers (overdue first, then by due
 * date, undated last), the waivers waiting for a decision (oldest request
 * first), and the open items due this week in the team's zone (soonest first).
 */
export type ProjectOverview = {
  blockers: OverviewList<ItemView>;
  pendingWaivers: OverviewList<PendingWaiverView>;
  dueThisWeek: OverviewList<ItemView>;
};

// The item select with when each open waiver was asked for, for the overview.
const overviewItemSelect = {
  ...itemViewSelect,
  waivers: { ...itemViewSelect.waivers, select: { ...itemViewSelect.waivers.select, createdAt: true } },
} satisfies Prisma.ItemSelect;

const projectWithItemsSelect = {
  ...projectViewSelect,
  categories: { orderBy: { position: "asc" }, select: { id: true, name: true } },
  items: { orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: overviewItemSelect },
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

const capped = <T>(list: T[]): OverviewList<T> => ({ shown: list.slice(0, OVERVIEW_LIST_SIZE), total: list.length });

// Undated last; ISO days compare as strings.
const byDueDate = (a: ItemView, b: ItemView) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999");

/** The overview's three lists, from the rows and views already read: no further query. */
function projectOverview(rows: ProjectWithItems["items"], scored: ProjectReadiness, timeZone: string): ProjectOverview {
  const blockers = [...scored.blockers].sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDueDate(a, b));
  const views = new Map(scored.items.map((item) => [item.id, item]));
  const pending = rows
    .flatMap((row) => row.waivers.filter((w) => w.status === "PENDING").map((waiver) => ({ row, waiver })))
    .sort((a, b) => a.waiver.createdAt.getTime() - b.waiver.createdAt.getTime())
    .map(({ row, waiver }): PendingWaiverView => ({
      waiverId: waiver.id,
      itemId: row.id,
      itemKey: row.key,
      itemTitle: row.title,
      priority: views.get(row.id)?.priority ?? row.priority,
      reason: waiver.reason,
      requestedById: waiver.requestedById,
      requestedByName: waiver.requestedBy?.name ?? null,
      requestedAt: waiver.createdAt.toISOString(),
      expiresOn: dayIn(waiver.expiresAt, timeZone),
    }));
  const due = scored.items.filter((item) => isDueThisWeek(item, scored.today)).sort(byDueDate);
  return { blockers: capped(blockers), pendingWaivers: capped(pending), dueThisWeek: capped(due) };
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
  const scored = scoreProject(row, now, actor.timeZone);
  return { ...scored, members: toMemberOptions(row.team.memberships), recentActivity: row.team.activities.map(toActivityView), overview: projectOverview(row.items, scored, actor.timeZone) };
}
