// Builds people and teams straight in the database for integration tests.
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/domain/roles";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";

export async function person(name = "Person") {
  const id = randomUUID();
  const user = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${id.slice(0, 8)}@example.com` } });
  return { userId: user.id, name: user.name, email: user.email };
}

// A team in `timeZone` (UTC unless given) with one member per role.
export async function teamWith(roles: Role[], teamName = "Team", timeZone = "UTC") {
  const suffix = randomUUID().slice(0, 6);
  const team = await db.team.create({ data: { name: `${teamName} ${suffix}`, slug: `${teamName.toLowerCase().replace(/\W+/g, "-")}-${suffix}`, timeZone } });
  const actors: UserActor[] = [];
  for (const role of roles) {
    const identity = await person(`${role} of ${team.name}`);
    await db.membership.create({ data: { teamId: team.id, userId: identity.userId, role } });
    actors.push({ kind: "user", ...identity, teamId: team.id, role, timeZone });
  }
  return { teamId: team.id, actors };
}

export const activitiesOf = (teamId: string, action: string) =>
  db.activity.findMany({ where: { teamId, action }, orderBy: { createdAt: "asc" } });

export const membershipOf = (actor: UserActor) =>
  db.membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: actor.teamId, userId: actor.userId } } });
