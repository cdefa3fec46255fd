import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { stateOfReport } from "@/lib/domain/history/milestone-state";
import { actorLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { invalidField, notFound, parseInput } from "@/lib/server/kernel/errors";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { createMilestoneInput, deleteMilestoneInput } from "@/lib/schemas/milestone";
import { recordProjectChange } from "./activity";
import { assertEditable, projectInTeam } from "@/lib/server/kernel/tenancy";

// Names the project's current state ("Beta review") so that it can be
// compared with later. The state is the report's, so a milestone and the
// report it was taken from always agree.
export async function createMilestone(actor: Actor, input: unknown): Promise<{ milestoneId: string; projectId: string }> {
  authorize(actor, "milestone.manage");
  const { projectId, name } = parseInput(createMilestoneInput, input);
  const report = await loadProjectReport(actor, projectId);
  const state = stateOfReport(report);
  return db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId);
    const taken = await tx.milestone.findFirst({ where: { teamId: actor.teamId, projectId: project.id, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
    if (taken) throw invalidField("name", "This project already has a milestone with this name.");
    const milestone = await tx.milestone.create({
      data: { teamId: actor.teamId, projectId: project.id, name, state: state as unknown as Prisma.InputJsonValue, createdByLabel: actorLabel(actor) },
    });
    await recordProjectChange(tx, actor, {
      action: "milestone.created",
      entityType: "milestone",
      entityId: milestone.id,
      projectId: project.id,
      after: { name, readinessPercent: state.readinessPercent, level: state.level },
    });
    return { milestoneId: milestone.id, projectId: project.id };
  });
}

// Returns the milestone's project, for the caller to refresh.
export async function deleteMilestone(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "milestone.manage");
  const { milestoneId } = parseInput(deleteMilestoneInput, input);
  return db.$transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: milestoneId, teamId: actor.teamId },
      select: { id: true, name: true, projectId: true, project: { select: { archivedAt: true } } },
    });
    if (!milestone) throw notFound("Milestone");
    assertEditable(milestone.project);
    await tx.milestone.delete({ where: { id: milestone.id } });
    await recordProjectChange(tx, actor, { action: "milestone.deleted", entityType: "milestone", entityId: milestone.id, projectId: milestone.projectId, before: { name: milestone.name } });
    return { projectId: milestone.projectId };
  });
}
