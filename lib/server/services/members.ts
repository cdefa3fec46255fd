import "server-only";
import type { OpenItemsInProject } from "@/lib/domain/members/hand-over";
import type { Role } from "@/lib/domain/roles";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound, parseInput } from "@/lib/server/kernel/errors";
import { changeRoleInput, removeMemberInput } from "@/lib/schemas/team";
import { recordActivity } from "./activity";
import { lastAdmin, lockAdmins } from "./admins";
import { handOverItems, openItemsOf, successorIn } from "./hand-over";

export type MemberView = { membershipId: string; userId: string; name: string; email: string; role: Role; joinedAt: string };

export async function listMembers(actor: Actor): Promise<MemberView[]> {
  authorize(actor, "member.list");
  const rows = await db.membership.findMany({
    where: { teamId: actor.teamId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt.toISOString(),
  }));
}

/**
 * For the removal dialog: the open items each member owns, per project, keyed
 * by user id (members who own nothing open are left out). Admins only.
 */
export async function openItemsByMember(actor: Actor): Promise<Record<string, OpenItemsInProject[]>> {
  authorize(actor, "member.remove");
  const members = await db.membership.findMany({ where: { teamId: actor.teamId }, select: { userId: true } });
  return openItemsOf(actor.teamId, members.map((m) => m.userId));
}

export async function changeMemberRole(actor: Actor, input: unknown): Promise<MemberView["role"]> {
  authorize(actor, "member.changeRole");
  const { membershipId, role } = parseInput(changeRoleInput, input);
  return db.$transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor.teamId);
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, teamId: actor.teamId },
      select: { id: true, role: true, userId: true },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === role) return role;
    if (membership.role === "ADMIN" && admins.length <= 1) throw lastAdmin();
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordActivity(tx, actor, {
      action: "member.roleChanged",
      entityType: "membership",
      entityId: membership.id,
      before: { userId: membership.userId, role: membership.role },
      after: { userId: membership.userId, role },
    });
    return role;
  });
}

/**
 * Removes a member from the actor's team and, in the same transaction, hands
 * their items over (services/hand-over.ts): open items to `successorId` (a
 * current member of the team other than the person leaving) or, when it is
 * null or absent, to nobody; finished items to nobody. Records one
 * `item.handedOver` per item and the `member.removed`; their inbox entries
 * in the team are deleted. Admins only; the last
 * admin cannot be removed (CONFLICT); a successor from outside the team is a
 * field-level VALIDATION error on `successorId`, and nothing changes.
 */
export async function removeMember(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "member.remove");
  const { membershipId, successorId } = parseInput(removeMemberInput, input);
  await db.$transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor.teamId);
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, teamId: actor.teamId },
      select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === "ADMIN" && admins.length <= 1) throw lastAdmin();
    const leaving = { userId: membership.userId, name: membership.user.name };
    const successor = await successorIn(tx, actor.teamId, successorId, leaving.userId, "successorId");
    const { handedOver, unassigned } = await handOverItems(tx, actor, { leaving, successor, reason: "member.removed" });
    await tx.membership.delete({ where: { id: membership.id } });
    // Their inbox here goes with them: invited back later, they start afresh,
    // not with months-old news of items since handed over.
    await tx.notification.deleteMany({ where: { teamId: actor.teamId, userId: membership.userId } });
    await recordActivity(tx, actor, {
      action: "member.removed",
      entityType: "membership",
      entityId: membership.id,
      before: { userId: membership.userId, name: membership.user.name, email: membership.user.email, role: membership.role },
      after: { successorId: successor?.userId ?? null, successorName: successor?.name ?? null, handedOver, unassigned },
    });
  });
}
