import "server-only";
import { randomBytes } from "node:crypto";
import { passwordResetLinkInput } from "@/lib/schemas/account";
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import { passwordResetLink } from "@/lib/server/identity/password-reset-mail";
import type { Actor } from "@/lib/server/kernel/actor";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { AppError, forbidden, notFound, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { recordActivity } from "./activity";

/** How long a reset link created by an admin stays usable: a day, to hand it over. */
export const ADMIN_RESET_LINK_HOURS = 24;

/**
 * An admin creates a one-time link with which a member of the team sets a new
 * built-in password (for installations that send no mail, or a member who
 * lost access to theirs). The link is returned once and kept only as a hash
 * (better-auth's reset token, so the same reset page and the same single use
 * apply); using it ends all of the member's sessions. Recorded in the team's
 * activity. Returns the link, the member's name and the expiry (ISO 8601).
 * Errors: FORBIDDEN without member.resetPassword, or for a person who also
 * belongs to a team the admin does not administer (the link would take their
 * account over there); NOT_FOUND for a membership of another team; CONFLICT
 * with Clerk (passwords are Clerk's).
 */
export async function createPasswordResetLink(actor: Actor, input: unknown): Promise<{ link: string; name: string; expiresAt: string }> {
  authorize(actor, "member.resetPassword");
  const { membershipId } = parseInput(passwordResetLinkInput, input);
  if (config().clerkEnabled) throw new AppError("CONFLICT", "Passwords are managed by your organisation's sign-in provider; reset them there.");
  const membership = await db.membership.findFirst({
    where: { id: membershipId, teamId: actor.teamId },
    select: { id: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) throw notFound("Member");
  // An account is the person's in every team they belong to: whoever resets
  // its password takes it over there too. So an admin resets only the
  // password of someone all of whose teams they administer.
  if (actor.kind === "user") {
    const elsewhere = await db.membership.count({
      where: { userId: membership.user.id, teamId: { not: actor.teamId }, team: { memberships: { none: { userId: actor.userId, role: "ADMIN" } } } },
    });
    if (elsewhere > 0) throw forbidden(`${membership.user.name} also belongs to a team you do not administer, so a reset link would open that team to you. Ask them to use “Forgot password?”, or an admin of all their teams to create the link.`);
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ADMIN_RESET_LINK_HOURS * 60 * 60 * 1000);
  const context = await builtInAuth(false).$context;
  await context.internalAdapter.createVerificationValue({ identifier: `reset-password:${token}`, value: membership.user.id, expiresAt });
  await db.$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "member.passwordResetLinkCreated",
      entityType: "membership",
      entityId: membership.id,
      after: { userId: membership.user.id, name: membership.user.name, expiresAt: expiresAt.toISOString() },
    }),
  );
  return { link: passwordResetLink(token), name: membership.user.name, expiresAt: expiresAt.toISOString() };
}
