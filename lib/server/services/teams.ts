import "server-only";
import type { Role } from "@/lib/domain/roles";
import { authorize, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { createTeamInput, renameTeamInput } from "@/lib/schemas/team";
import type { Identity } from "@/lib/server/auth/identity";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "./activity";
import { slugify } from "./scope";

export type TeamMembershipView = { teamId: string; teamName: string; role: Role };

// A team's slug is chosen once, from its first name, and kept through renames
// so that scripts naming it keep working.
async function freeSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name, "team").slice(0, 40);
  const taken = new Set(
    (await tx.team.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((team) => team.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function teamsOf(userId: string): Promise<TeamMembershipView[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: [{ team: { name: "asc" } }],
  });
  return memberships.map((m) => ({ teamId: m.team.id, teamName: m.team.name, role: m.role }));
}

// Any signed-in person may start a team of their own and becomes its admin.
export async function createTeam(identity: Identity, input: unknown): Promise<{ teamId: string; slug: string }> {
  const { name } = parseInput(createTeamInput, input);
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name, slug: await freeSlug(tx, name) } });
    await tx.membership.create({ data: { teamId: team.id, userId: identity.userId, role: "ADMIN" } });
    const actor: Actor = { kind: "user", ...identity, teamId: team.id, role: "ADMIN" };
    await recordActivity(tx, actor, { action: "team.created", entityType: "team", entityId: team.id, after: { name, slug: team.slug } });
    return { teamId: team.id, slug: team.slug };
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

export async function currentTeam(actor: Actor): Promise<{ name: string; slug: string }> {
  authorize(actor, "team.read");
  return db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true, slug: true } });
}
