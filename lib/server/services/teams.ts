import "server-only";
import type { Role } from "@/lib/domain/roles";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { parseInput } from "@/lib/server/kernel/errors";
import { dayIn, startOfDayIn } from "@/lib/domain/readiness/dates";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/time-zone";
import { createTeamInput, renameTeamInput, setTeamTimeZoneInput } from "@/lib/schemas/team";
import type { Identity } from "@/lib/server/identity/identity";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "./activity";
import { slugify } from "@/lib/server/kernel/tenancy";

export type TeamMembershipView = { teamId: string; teamName: string; role: Role; timeZone: string };

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
    select: { role: true, team: { select: { id: true, name: true, timeZone: true } } },
    orderBy: [{ team: { name: "asc" } }],
  });
  return memberships.map((m) => ({ teamId: m.team.id, teamName: m.team.name, role: m.role, timeZone: m.team.timeZone }));
}

// Any signed-in person may start a team of their own and becomes its admin.
// The team's time zone is the creator's (their browser's, or the CLI
// machine's), UTC when none is given.
export async function createTeam(identity: Identity, input: unknown): Promise<{ teamId: string; slug: string }> {
  const { name, timeZone = DEFAULT_TIME_ZONE } = parseInput(createTeamInput, input);
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name, slug: await freeSlug(tx, name), timeZone } });
    await tx.membership.create({ data: { teamId: team.id, userId: identity.userId, role: "ADMIN" } });
    const actor: Actor = { kind: "user", ...identity, teamId: team.id, role: "ADMIN", timeZone };
    await recordActivity(tx, actor, { action: "team.created", entityType: "team", entityId: team.id, after: { name, slug: team.slug, timeZone } });
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

/**
 * Sets the team's IANA time zone (admins). The days already chosen stay the
 * same days: every "re-verify by" and waiver expiry, stored as the instant its
 * day starts in the team's zone, moves to the start of that day in the new
 * zone, in the same transaction. Recorded as team.timeZoneChanged with the
 * number of expiry days kept. Errors: FORBIDDEN; VALIDATION (field timeZone)
 * for a name that is not an IANA zone.
 */
export async function setTeamTimeZone(actor: Actor, input: unknown): Promise<{ timeZone: string; expiryDaysKept: number }> {
  authorize(actor, "team.setTimeZone");
  const { timeZone } = parseInput(setTeamTimeZoneInput, input);
  return db.$transaction(async (tx) => {
    // Locked, so that two admins changing it at once each see the other's zone as the one before.
    const [team] = await tx.$queryRaw<{ timeZone: string }[]>`SELECT "timeZone" FROM team WHERE id = ${actor.teamId} FOR UPDATE`;
    if (team.timeZone === timeZone) return { timeZone, expiryDaysKept: 0 };
    await tx.team.update({ where: { id: actor.teamId }, data: { timeZone } });
    const expiryDaysKept = await keepExpiryDays(tx, actor.teamId, team.timeZone, timeZone);
    await recordActivity(tx, actor, {
      action: "team.timeZoneChanged",
      entityType: "team",
      entityId: actor.teamId,
      before: { timeZone: team.timeZone },
      after: { timeZone, expiryDaysKept },
    });
    return { timeZone, expiryDaysKept };
  });
}

// Moves each evidence and waiver expiry of the team from the start of its day
// in `from` to the start of the same day in `to`; returns how many moved. One
// update per distinct new instant (expiries cluster on few days).
async function keepExpiryDays(tx: Prisma.TransactionClient, teamId: string, from: string, to: string): Promise<number> {
  const [evidence, waivers] = await Promise.all([
    tx.evidence.findMany({ where: { teamId, expiresAt: { not: null } }, select: { id: true, expiresAt: true } }),
    tx.waiver.findMany({ where: { teamId }, select: { id: true, expiresAt: true } }),
  ]);
  const moves = (rows: { id: string; expiresAt: Date | null }[]) => {
    const byInstant = new Map<number, string[]>();
    for (const row of rows) {
      if (!row.expiresAt) continue;
      const moved = startOfDayIn(dayIn(row.expiresAt, from), to).getTime();
      if (moved === row.expiresAt.getTime()) continue;
      const ids = byInstant.get(moved);
      if (ids) ids.push(row.id);
      else byInstant.set(moved, [row.id]);
    }
    return [...byInstant];
  };
  let count = 0;
  for (const [at, ids] of moves(evidence)) count += (await tx.evidence.updateMany({ where: { teamId, id: { in: ids } }, data: { expiresAt: new Date(at) } })).count;
  for (const [at, ids] of moves(waivers)) count += (await tx.waiver.updateMany({ where: { teamId, id: { in: ids } }, data: { expiresAt: new Date(at) } })).count;
  return count;
}

export async function currentTeam(actor: Actor): Promise<{ name: string; slug: string; timeZone: string }> {
  authorize(actor, "team.read");
  return db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true, slug: true, timeZone: true } });
}
