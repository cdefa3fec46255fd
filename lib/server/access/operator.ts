import "server-only";
import type { OperatorActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";

// The `shipshape` CLI acts as an operator: someone with shell access to the
// installation and its database, who may administer any team (what it may
// do is the permission table's "operator" column). Its changes go through the
// same services and are recorded as "Shipshape CLI (operator)".

export async function operatorForTeam(slug: string): Promise<OperatorActor> {
  const team = await db.team.findUnique({ where: { slug: slug.trim().toLowerCase() }, select: { id: true, timeZone: true } });
  if (!team) throw notFound(`Team “${slug}”`);
  return { kind: "operator", teamId: team.id, timeZone: team.timeZone };
}

export async function operatorForApiToken(tokenId: string): Promise<OperatorActor> {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { teamId: true, team: { select: { timeZone: true } } } });
  if (!token) throw notFound("API token");
  return { kind: "operator", teamId: token.teamId, timeZone: token.team.timeZone };
}

export async function operatorForProject(projectId: string): Promise<OperatorActor> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { teamId: true, team: { select: { timeZone: true } } } });
  if (!project) throw notFound("Project");
  return { kind: "operator", teamId: project.teamId, timeZone: project.team.timeZone };
}
