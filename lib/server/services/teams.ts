import "server-only";
import type { Role } from "@/lib/domain/roles";
import { authorize, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { createTeamInput, renameTeamInput } from "@/lib/schemas/team";
import type { Identity } from "@/lib/server/auth/identity";
import { recordActivity } from "./activity";

export type TeamMembershipView = { teamId: string; teamName: string; role: Role };

export async function teamsOf(userId: string): Promise<TeamMembershipView[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: [{ team: { name: "asc" } }],
  });
  return memberships.map((m) => ({ teamId: m.team.id, teamName: m.team.name, role: m.role }));
}

// Any signed-in person may start a team of their own and becomes its admin.
export async function createTeam(identity: Identity, input: unknown): Promise<{ teamId: string }> {
  const { name } = parseInput(createTeamInput, input);
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name } });
    await tx.membership.create({ data: { teamId: team.id, userId: identity.userId, role: "ADMIN" } });
    const actor: Actor = { kind: "user", ...identity, teamId: team.id, role: "ADMIN" };
    await recordActivity(tx, actor, { action: "team.created", entityType: "team", entityId: team.id, after: { name } });
    return { teamId: team.id };
  });
}

export async function renameTeam(actor: Actor, input: unknown): Promise<{ name: string }> {
  authorize(actor, "team.rename");
  const { name } = parseInput(renameTeamInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true } });
    await tx.team.update({ where: { id: actor.teamId }, data: { name } });
    await recordActivity(tx, actor, { action: "team.renamed", entityType: "team", entityId: actor.teamId, before, after: { name } });
    return { name };
  });
}

export async function currentTeamName(actor: Actor): Promise<string> {
  authorize(actor, "team.read");
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true } });
  return team.name;
}
