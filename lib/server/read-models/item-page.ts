import "server-only";
import { dayIn } from "@/lib/domain/readiness/dates";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { activityViewSelect, toActivityView, type ActivityView } from "./activity-view";
import { evidenceViewQuery, toEvidenceView, type EvidenceView } from "./evidence-view";
import { evidenceRemoval, evidenceRemovalEffect } from "@/lib/domain/readiness/evidence-removal";
import { itemViewSelect, scorableOf, toItemView, type ItemView } from "./item-view";
import { projectViewSelect, toProjectView, type ProjectView } from "./project-view";
import { memberOptions, type MemberOption } from "./project-page";


export type WaiverView = {
  id: string;
  status: "PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN";
  reason: string;
  expiresAt: string;
  // The day it was asked or granted until, in the team's zone (it ends as that day starts).
  expiresOn: string;
  expired: boolean;
  requestedById: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
};

export type { EvidenceView };

export type ItemPage = {
  project: ProjectView;
  categories: { id: string; name: string }[];
  categoryName: string;
  item: ItemView;
  evidence: EvidenceView[];
  // Per piece of evidence (by id): what removing it would do to the item,
  // for the confirmation, and whether it would lower the item's standing.
  evidenceRemoval: Record<string, { effect: string; lowersStanding: boolean }>;
  waivers: WaiverView[];
  history: ActivityView[];
  members: MemberOption[];
};

export async function loadItemPage(actor: Actor, projectId: string, itemId: string, now = new Date()): Promise<ItemPage> {
  authorize(actor, "project.read");
  // Four statements, all at once: the item (with project, categories and
  // evidence, joined), the team's members, its history and its waivers.
  const [row, members, history, waivers] = await Promise.all([
    db.item.findFirst({
      where: { id: itemId, projectId, teamId: actor.teamId },
      relationLoadStrategy: "join",
      select: {
        ...itemViewSelect,
        category: { select: { name: true } },
        project: { select: { ...projectViewSelect, categories: { orderBy: { position: "asc" }, select: { id: true, name: true } } } },
        evidence: evidenceViewQuery,
      },
    }),
    memberOptions(actor.teamId),
    db.activity.findMany({ where: { teamId: actor.teamId, itemId }, orderBy: { createdAt: "desc" }, take: 100, select: activityViewSelect }),
    db.waiver.findMany({
      where: { itemId, teamId: actor.teamId, item: { projectId } },
      orderBy: { createdAt: "desc" },
      relationLoadStrategy: "join",
      select: {
        id: true,
        status: true,
        reason: true,
        expiresAt: true,
        requestedById: true,
        decidedAt: true,
        decisionNote: true,
        createdAt: true,
        requestedBy: { select: { name: true } },
        decidedBy: { select: { name: true } },
      },
    }),
  ]);
  if (!row) throw notFound("Item");
  const scorable = scorableOf(row, row.project.evidencePolicy, now);

  return {
    project: toProjectView(row.project, now, actor.timeZone),
    categories: row.project.categories,
    categoryName: row.category.name,
    item: toItemView(row, row.project.evidencePolicy, now, actor.timeZone),
    evidence: row.evidence.map((e) => toEvidenceView(e, now, actor.timeZone)),
    evidenceRemoval: Object.fromEntries(
      row.evidence.map((e, index) => {
        const removal = evidenceRemoval(scorable, index, now);
        return [e.id, { effect: evidenceRemovalEffect(removal, row.status), lowersStanding: removal.standingAfter !== removal.standingBefore }];
      }),
    ),
    waivers: waivers.map((w) => ({
      id: w.id,
      status: w.status,
      reason: w.reason,
      expiresAt: w.expiresAt.toISOString(),
      expiresOn: dayIn(w.expiresAt, actor.timeZone),
      expired: w.expiresAt <= now,
      requestedById: w.requestedById,
      requestedByName: w.requestedBy?.name ?? null,
      decidedByName: w.decidedBy?.name ?? null,
      decidedAt: w.decidedAt?.toISOString() ?? null,
      decisionNote: w.decisionNote,
      createdAt: w.createdAt.toISOString(),
    })),
    history: history.map(toActivityView),
    members,
  };
}
