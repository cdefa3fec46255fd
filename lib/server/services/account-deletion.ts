import "server-only";
import type { OpenItemsInProject } from "@/lib/domain/members/hand-over";
import { normaliseEmail } from "@/lib/domain/invitations";
import type { Role } from "@/lib/domain/roles";
import { deleteAccountInput } from "@/lib/schemas/account";
import type { UserActor } from "@/lib/server/kernel/actor";
import type { Identity } from "@/lib/server/identity/identity";
import { db } from "@/lib/server/kernel/db";
import { AppError, invalidField, parseInput } from "@/lib/server/kernel/errors";
import { recordActivity } from "./activity";
import { lockAdmins } from "./admins";
import { handOverItems, openItemsOf, successorIn } from "./hand-over";

// A person deleting their own account, in either identity mode: the
// Shipshape user record goes, with its memberships, sessions and password
// (docs/adr/0016). In every team they belong to, their items are handed over
// exactly as when an admin removes a member, and the team's activity log
// records it. With Clerk, the sign-in account itself lives at Clerk and is
// managed there; signing in again later starts as a new person without teams.

/** One of the person's teams, as the deletion page asks about it. */
export type AccountTeam = {
  teamId: string;
  teamName: string;
  role: Role;
  // The other members, who may take over the person's open items.
  others: { userId: string; name: string }[];
  openItems: OpenItemsInProject[];
  // The person is this team's only admin while others remain: deletion is
  // refused until they make someone else an admin.
  lastAdmin: boolean;
};

/**
 * What deleting the signed-in person's account would involve, team by team
 * (ordered by team name): who could take over, their open items per project,
 * and whether they are a team's last admin. A team of which they are the only
 * member is listed with no one to take over; it stays, without members.
 */
export async function accountDeletionPlan(identity: Identity): Promise<AccountTeam[]> {
  const memberships = await db.membership.findMany({
    where: { userId: identity.userId },
    orderBy: { team: { name: "asc" } },
    relationLoadStrategy: "join",
    select: {
      role: true,
      team: {
        select: {
          id: true,
          name: true,
          memberships: { orderBy: { user: { name: "asc" } }, select: { userId: true, role: true, user: { select: { name: true } } } },
        },
      },
    },
  });
  return Promise.all(
    memberships.map(async ({ role, team }) => {
      const others = team.memberships.filter((m) => m.userId !== identity.userId);
      const open = await openItemsOf(team.id, [identity.userId]);
      return {
        teamId: team.id,
        teamName: team.name,
        role,
        others: others.map((m) => ({ userId: m.userId, name: m.user.name })),
        openItems: open[identity.userId] ?? [],
        lastAdmin: role === "ADMIN" && others.length > 0 && !others.some((m) => m.role === "ADMIN"),
      };
    }),
  );
}

const listOf = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/**
 * Deletes the signed-in person's account in one transaction. Input: the
 * person's e-mail address typed as confirmation (`confirmEmail`, VALIDATION
 * when it differs) and, per team id, the member taking over their open items
 * (`successors`, absent or null: unassigned; someone who is not a current
 * member of that team: VALIDATION on `successors.<teamId>`). Refused with
 * CONFLICT, changing nothing, while they are the last admin of a team that
 * has other members. In each team: items handed over, membership deleted,
 * `account.deleted` recorded (by the person). Pending invitations they sent
 * stay valid. The caller signs them out afterwards.
 */
export async function deleteAccount(identity: Identity, input: unknown): Promise<void> {
  const { confirmEmail, successors } = parseInput(deleteAccountInput, input);
  if (normaliseEmail(confirmEmail) !== normaliseEmail(identity.email)) {
    throw invalidField("confirmEmail", "That is not the e-mail address of this account. Type it exactly as shown to confirm.");
  }
  await db.$transaction(async (tx) => {
    // Team id order: the admin locks below are always taken in the same order.
    const memberships = await tx.membership.findMany({
      where: { userId: identity.userId },
      orderBy: { teamId: "asc" },
      select: { id: true, teamId: true, role: true, team: { select: { name: true, timeZone: true } } },
    });
    const teamIds = new Set(memberships.map((m) => m.teamId));
    for (const teamId of Object.keys(successors)) {
      if (!teamIds.has(teamId)) throw invalidField(`successors.${teamId}`, "You are not a member of this team.");
    }

    const stuck: string[] = [];
    for (const membership of memberships) {
      const admins = await lockAdmins(tx, membership.teamId);
      if (membership.role !== "ADMIN" || admins.length > 1) continue;
      const others = await tx.membership.count({ where: { teamId: membership.teamId, userId: { not: identity.userId } } });
      if (others > 0) stuck.push(membership.team.name);
    }
    if (stuck.length) {
      throw new AppError(
        "CONFLICT",
        `You are the last admin of ${listOf(stuck)}, which ${stuck.length === 1 ? "has" : "have"} other members. Make one of them an admin first, then delete your account.`,
        undefined,
        { lastAdminOf: stuck },
      );
    }

    const leaving = { userId: identity.userId, name: identity.name };
    for (const membership of memberships) {
      const actor: UserActor = { kind: "user", ...identity, teamId: membership.teamId, role: membership.role, timeZone: membership.team.timeZone };
      const successor = await successorIn(tx, membership.teamId, successors[membership.teamId] ?? null, identity.userId, `successors.${membership.teamId}`);
      const counts = await handOverItems(tx, actor, { leaving, successor, reason: "account.deleted" });
      await tx.membership.delete({ where: { id: membership.id } });
      await recordActivity(tx, actor, {
        action: "account.deleted",
        entityType: "membership",
        entityId: membership.id,
        before: { userId: identity.userId, name: identity.name, email: identity.email, role: membership.role },
        after: { successorId: successor?.userId ?? null, successorName: successor?.name ?? null, ...counts },
      });
    }
    // Sessions and the password go with the user (foreign keys cascade);
    // evidence, waivers and "updated by" keep their rows and lose the name.
    await tx.user.delete({ where: { id: identity.userId } });
  });
}
