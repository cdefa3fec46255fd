import "server-only";
import { profileNameInput } from "@/lib/schemas/account";
import type { Identity } from "@/lib/server/identity/identity";
import type { UserActor } from "@/lib/server/kernel/actor";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { recordActivity } from "./activity";

/**
 * The person renames themself. Every team they belong to sees the new name on
 * everything they did, so the change is recorded in each team's activity.
 * Returns the new name. Errors: VALIDATION (name); CONFLICT with Clerk, whose
 * profile is the source of the name.
 */
export async function renameSelf(identity: Identity, input: unknown): Promise<{ name: string }> {
  const { name } = parseInput(profileNameInput, input);
  if (config().clerkEnabled) throw new AppError("CONFLICT", "Your name comes from your organisation's sign-in provider; change it there.", { name: ["Change your name with your sign-in provider."] });
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: identity.userId }, select: { name: true } });
    if (user.name === name) return;
    await tx.user.update({ where: { id: identity.userId }, data: { name } });
    const memberships = await tx.membership.findMany({
      where: { userId: identity.userId },
      select: { id: true, role: true, team: { select: { id: true, timeZone: true } } },
    });
    for (const membership of memberships) {
      const actor: UserActor = { kind: "user", ...identity, name, teamId: membership.team.id, role: membership.role, timeZone: membership.team.timeZone };
      await recordActivity(tx, actor, { action: "account.renamed", entityType: "membership", entityId: membership.id, before: { name: user.name }, after: { name } });
    }
  });
  return { name };
}
