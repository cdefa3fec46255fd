import "server-only";
import { isDueThisWeek, isOverdue } from "@/lib/domain/readiness/filters";
import { dayIn } from "@/lib/domain/readiness/dates";
import { isOpen } from "@/lib/domain/readiness/standing";
import type { ItemPriority, Standing } from "@/lib/domain/readiness/vocabulary";
import type { Actor, UserActor } from "@/lib/server/kernel/actor";
import { authorize, permits } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { forbidden } from "@/lib/server/kernel/errors";
import { itemViewSelect, toItemView } from "./item-view";

/** One of my open items, with the project it belongs to. */
export type MyWorkItem = {
  projectId: string;
  projectName: string;
  itemId: string;
  key: string;
  title: string;
  standing: Standing;
  // null: needs triage.
  priority: ItemPriority;
  // Calendar day (YYYY-MM-DD) or null.
  dueDate: string | null;
  effortHours: number | null;
};

/** A waiver request I may decide: someone else asked, I am a lead or admin. */
export type MyDecision = {
  waiverId: string;
  projectId: string;
  projectName: string;
  itemId: string;
  itemTitle: string;
  standing: Standing;
  priority: ItemPriority;
  dueDate: string | null;
  reason: string;
  requestedByName: string | null;
  // ISO 8601 instant.
  requestedAt: string;
  // The day it would be granted until, in the team's zone.
  expiresOn: string;
};

/**
 * The signed-in person's open items across the team's active projects,
 * grouped by when they are due in the team's zone (each group soonest first,
 * then by project), and the pending waivers they may decide.
 */
export type MyWork = {
  today: string;
  overdue: MyWorkItem[];
  dueThisWeek: MyWorkItem[];
  later: MyWorkItem[];
  noDueDate: MyWorkItem[];
  // Empty for those who decide no waiver.
  decisions: MyDecision[];
  decidesWaivers: boolean;
};

const activeProjectOf = (actor: UserActor) => ({ teamId: actor.teamId, archivedAt: null });

function myItems(actor: UserActor) {
  return db.item.findMany({
    where: { teamId: actor.teamId, ownerId: actor.userId, project: activeProjectOf(actor) },
    relationLoadStrategy: "join",
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { project: { name: "asc" } }, { position: "asc" }],
    select: { ...itemViewSelect, project: { select: { id: true, name: true, evidencePolicy: true } } },
  });
}

// Pending requests in the team's active projects that someone else made (or
// someone since gone: nobody of the team can be the requester then).
function pendingWaivers(actor: UserActor) {
  return db.waiver.findMany({
    where: {
      teamId: actor.teamId,
      status: "PENDING",
      OR: [{ requestedById: null }, { requestedById: { not: actor.userId } }],
      item: { teamId: actor.teamId, project: activeProjectOf(actor) },
    },
    relationLoadStrategy: "join",
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      reason: true,
      expiresAt: true,
      createdAt: true,
      requestedBy: { select: { name: true } },
      item: { select: { ...itemViewSelect, project: { select: { id: true, name: true, evidencePolicy: true } } } },
    },
  });
}

/**
 * Reads My work in two statements whatever the number of projects and items
 * (one when the person decides no waiver). Errors: FORBIDDEN for an actor
 * who may not read the team's projects, and for any actor but a person (only
 * people have work of their own).
 */
export async function loadMyWork(actor: Actor, now = new Date()): Promise<MyWork> {
  authorize(actor, "project.read");
  if (actor.kind !== "user") throw forbidden("Only a person has work of their own.");
  const decidesWaivers = permits(actor, "waiver.decide");
  const [rows, waivers] = await Promise.all([myItems(actor), decidesWaivers ? pendingWaivers(actor) : Promise.resolve([])]);
  const today = dayIn(now, actor.timeZone);

  const work: MyWork = { today, overdue: [], dueThisWeek: [], later: [], noDueDate: [], decisions: [], decidesWaivers };
  for (const row of rows) {
    const view = toItemView(row, row.project.evidencePolicy, now, actor.timeZone);
    // An owner who left owns nothing (owner-view.ts); done and N/A items are no longer work.
    if (view.ownerId !== actor.userId || !isOpen(view.standing)) continue;
    const item: MyWorkItem = {
      projectId: row.project.id,
      projectName: row.project.name,
      itemId: view.id,
      key: view.key,
      title: view.title,
      standing: view.standing,
      priority: view.priority,
      dueDate: view.dueDate,
      effortHours: view.effortHours,
    };
    const group = isOverdue(view, today) ? work.overdue : isDueThisWeek(view, today) ? work.dueThisWeek : view.dueDate ? work.later : work.noDueDate;
    group.push(item);
  }
  for (const waiver of waivers) {
    const view = toItemView(waiver.item, waiver.item.project.evidencePolicy, now, actor.timeZone);
    work.decisions.push({
      waiverId: waiver.id,
      projectId: waiver.item.project.id,
      projectName: waiver.item.project.name,
      itemId: view.id,
      itemTitle: view.title,
      standing: view.standing,
      priority: view.priority,
      dueDate: view.dueDate,
      reason: waiver.reason,
      requestedByName: waiver.requestedBy?.name ?? null,
      requestedAt: waiver.createdAt.toISOString(),
      expiresOn: dayIn(waiver.expiresAt, actor.timeZone),
    });
  }
  return work;
}
