import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { formatMomentInFull } from "@/lib/domain/format";
import { invitationExpiry, normaliseEmail } from "@/lib/domain/invitations";
import type { Role } from "@/lib/domain/roles";
import type { Actor, UserActor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import type { Identity } from "@/lib/server/identity/identity";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { AppError, notFound, parseInput } from "@/lib/server/kernel/errors";
import { inviteMemberInput, reissueInvitationInput, revokeInvitationInput } from "@/lib/schemas/team";
import { sendMail } from "@/lib/server/kernel/mailer";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { notifyInvitationAccepted } from "@/lib/server/notifications/emitters";
import { recordActivity } from "./activity";

// invitedBy is null once the inviter has deleted their account.
export type InvitationView = { id: string; email: string; role: Role; invitedBy: string | null; expiresAt: string };
export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";
export type InvitationPreview = { teamName: string; email: string; role: Role; invitedBy: string | null; status: InvitationStatus };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const invitationLink = (token: string) => new URL(`/invite/${token}`, config().APP_URL).toString();

function statusOf(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

// Creates an invitation and returns its link (shown once, to copy); only a
// hash of the token is stored. A newer invitation to the same address
// replaces any pending one.
export async function inviteMember(
  actor: UserActor,
  input: unknown,
): Promise<{ invitation: InvitationView; link: string; emailed: boolean }> {
  authorize(actor, "member.invite");
  const { email, role } = parseInput(inviteMemberInput, input);
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const invitation = await db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({
      where: { teamId: actor.teamId, user: { email } },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", "This person is already a member of the team.", { email: ["Already a member of this team."] });
    await tx.invitation.updateMany({
      where: { teamId: actor.teamId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: { teamId: actor.teamId, email, role, tokenHash: hashToken(token), invitedById: actor.userId, expiresAt: invitationExpiry(now) },
    });
    await recordActivity(tx, actor, { action: "member.invited", entityType: "invitation", entityId: created.id, after: { email, role } });
    return created;
  });
  const link = invitationLink(token);
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true } });
  const emailed = await sendMail({
    to: email,
    subject: `${actor.name} invited you to ${team.name} on Shipshape`,
    text: `${actor.name} invited you to join ${team.name} on Shipshape as ${ROLE_LABELS[role]}.\n\nAccept the invitation: ${link}\n\nThe link is valid until ${formatMomentInFull(invitation.expiresAt.toISOString(), actor.timeZone)}.`,
  });
  return {
    invitation: { id: invitation.id, email, role, invitedBy: actor.name, expiresAt: invitation.expiresAt.toISOString() },
    link,
    emailed,
  };
}

export async function listPendingInvitations(actor: Actor): Promise<InvitationView[]> {
  authorize(actor, "member.invite");
  const rows = await db.invitation.findMany({
    where: { teamId: actor.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, invitedBy: r.invitedBy?.name ?? null, expiresAt: r.expiresAt.toISOString() }));
}

/** An invitation not yet accepted nor revoked, and whether it has expired (the members page offers a fresh link for either). */
export type OpenInvitationView = InvitationView & { expired: boolean };

/** The team's invitations nobody accepted or revoked, pending or expired, newest first. Errors: FORBIDDEN without member.invite. */
export async function listOpenInvitations(actor: Actor): Promise<OpenInvitationView[]> {
  authorize(actor, "member.invite");
  const now = new Date();
  const rows = await db.invitation.findMany({
    where: { teamId: actor.teamId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id, email: r.email, role: r.role, invitedBy: r.invitedBy?.name ?? null, expiresAt: r.expiresAt.toISOString(), expired: r.expiresAt <= now,
  }));
}

/**
 * A fresh link for an invitation nobody accepted or revoked, pending or
 * expired: the old link stops working at once, the new one is valid for the
 * full period again, shown once and e-mailed when mail is configured.
 * Errors: FORBIDDEN without member.invite; NOT_FOUND for an invitation of
 * another team, or one accepted or revoked.
 */
export async function reissueInvitation(actor: UserActor, input: unknown): Promise<{ invitation: InvitationView; link: string; emailed: boolean }> {
  authorize(actor, "member.invite");
  const { invitationId } = parseInput(reissueInvitationInput, input);
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitation WHERE id = ${invitationId} AND "teamId" = ${actor.teamId} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL FOR UPDATE`;
    if (!locked) throw notFound("Invitation");
    const updated = await tx.invitation.update({
      where: { id: locked.id },
      data: { tokenHash: hashToken(token), expiresAt: invitationExpiry(new Date()) },
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
    });
    await recordActivity(tx, actor, { action: "invitation.reissued", entityType: "invitation", entityId: updated.id, after: { email: updated.email, role: updated.role } });
    return updated;
  });
  const link = invitationLink(token);
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true } });
  const emailed = await sendMail({
    to: invitation.email,
    subject: `${actor.name} invited you to ${team.name} on Shipshape`,
    text: `${actor.name} sent you a new link to join ${team.name} on Shipshape as ${ROLE_LABELS[invitation.role]}; earlier links no longer work.\n\nAccept the invitation: ${link}\n\nThe link is valid until ${formatMomentInFull(invitation.expiresAt.toISOString(), actor.timeZone)}.`,
  });
  return {
    invitation: { id: invitation.id, email: invitation.email, role: invitation.role, invitedBy: invitation.invitedBy?.name ?? null, expiresAt: invitation.expiresAt.toISOString() },
    link,
    emailed,
  };
}

export async function revokeInvitation(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "invitation.revoke");
  const { invitationId } = parseInput(revokeInvitationInput, input);
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, teamId: actor.teamId, acceptedAt: null, revokedAt: null } });
    if (!invitation) throw notFound("Invitation");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, actor, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}

// What the invitation page shows before anyone is signed in.
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true,
      team: { select: { name: true } }, invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  return {
    teamName: invitation.team.name,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy?.name ?? null,
    status: statusOf(invitation),
  };
}

// Joins the signed-in person to the invitation's team with its role. The
// invitation is bound to an address: it cannot be used by another account.
export async function acceptInvitation(identity: Identity, token: string): Promise<{ teamId: string }> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitation WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`;
    if (!locked) throw notFound("Invitation");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: locked.id } });
    const status = statusOf(invitation);
    if (status !== "pending") throw new AppError("CONFLICT", `This invitation has been ${status === "accepted" ? "used already" : status}. Ask for a new one.`);
    if (normaliseEmail(identity.email) !== invitation.email) {
      throw new AppError("FORBIDDEN", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    }
    const membership = await tx.membership.upsert({
      where: { teamId_userId: { teamId: invitation.teamId, userId: identity.userId } },
      update: {},
      create: { teamId: invitation.teamId, userId: identity.userId, role: invitation.role },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    const { timeZone } = await tx.team.findUniqueOrThrow({ where: { id: invitation.teamId }, select: { timeZone: true } });
    const actor: Actor = { kind: "user", ...identity, teamId: invitation.teamId, role: membership.role, timeZone };
    await recordActivity(tx, actor, {
      action: "member.joined",
      entityType: "membership",
      entityId: membership.id,
      after: { userId: identity.userId, email: invitation.email, role: membership.role, invitationId: invitation.id },
    });
    await notifyInvitationAccepted(tx, actor, { invitedById: invitation.invitedById, role: ROLE_LABELS[membership.role] });
    return { teamId: invitation.teamId };
  });
}
