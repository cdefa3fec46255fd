import "server-only";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { creationKey, creationKeyOf, decodeCursor, encodeCursor, type CreationKey, type PagedList } from "@/lib/server/read-models/pagination";
import { activityViewSelect, toActivityView, type ActivityView } from "./activity-view";
import { memberOptions, type MemberOption } from "./project-page";
import { projectViewSelect, toProjectView, type ProjectView } from "./project-view";

// The feed page needs the project's header and members' names, not its items.
export type ProjectFeed = { project: ProjectView; members: MemberOption[]; entries: ActivityView[]; nextCursor: string | null };

const PAGE = 50;

// Newest first by (createdAt, id): activity is append-only, so the keys never
// change and older pages are stable while new entries arrive on top.
const feedList = (teamId: string, projectId: string): PagedList<CreationKey> => ({ kind: "activity.project", key: creationKey, scope: { teamId, projectId } });

/**
 * The project's activity, newest first, 50 entries a page. `cursor` is the
 * `nextCursor` of the page before. Throws NOT_FOUND for a project outside the
 * actor's team, and VALIDATION on `cursor` for a malformed cursor or one from
 * another project's feed.
 */
export async function loadProjectFeed(actor: Actor, projectId: string, cursor?: string): Promise<ProjectFeed> {
  authorize(actor, "activity.read");
  const list = feedList(actor.teamId, projectId);
  const after = decodeCursor(list, cursor);
  const before = after && { createdAt: new Date(after[0]), id: after[1] };
  const [project, members, rows] = await Promise.all([
    db.project.findFirst({ where: { id: projectId, teamId: actor.teamId }, select: projectViewSelect }),
    memberOptions(actor.teamId),
    db.activity.findMany({
      where: {
        teamId: actor.teamId,
        projectId,
        ...(before && { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE + 1,
      select: activityViewSelect,
    }),
  ]);
  if (!project) throw notFound("Project");
  const entries = rows.slice(0, PAGE);
  return {
    project: toProjectView(project, new Date(), actor.timeZone),
    members,
    entries: entries.map(toActivityView),
    nextCursor: rows.length > PAGE ? encodeCursor(list, creationKeyOf(entries[PAGE - 1])) : null,
  };
}
