import "server-only";
import { authorize, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { activityViewSelect, toActivityView, type ActivityView } from "./activity-view";
import { memberOptions, type MemberOption } from "./project-page";
import { projectViewSelect, toProjectView, type ProjectView } from "./project-view";

// The feed page needs the project's header and members' names, not its items.
export type ProjectFeed = { project: ProjectView; members: MemberOption[]; entries: ActivityView[]; nextCursor: string | null };

const PAGE = 50;

// The project's activity, newest first, a page at a time (cursor = last id seen).
export async function loadProjectFeed(actor: Actor, projectId: string, cursor?: string): Promise<ProjectFeed> {
  authorize(actor, "activity.read");
  const [project, members, rows] = await Promise.all([
    db.project.findFirst({ where: { id: projectId, teamId: actor.teamId }, select: projectViewSelect }),
    memberOptions(actor.teamId),
    db.activity.findMany({
      where: { teamId: actor.teamId, projectId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: activityViewSelect,
    }),
  ]);
  if (!project) throw notFound("Project");
  return {
    project: toProjectView(project, new Date(), actor.timeZone),
    members,
    entries: rows.slice(0, PAGE).map(toActivityView),
    nextCursor: rows.length > PAGE ? rows[PAGE - 1].id : null,
  };
}
