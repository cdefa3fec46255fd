// The account page's changes (name, password, other sessions), an admin's
// one-time password reset link, and invitations sent again with a new link,
// against real PostgreSQL and the real better-auth.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { changeOwnPassword, requestPasswordResetMail, resetPasswordWithToken, signOutOtherSessions } from "@/lib/server/identity/passwords";
import { db } from "@/lib/server/kernel/db";
import { acceptInvitation, inviteMember, listOpenInvitations, previewInvitation, reissueInvitation } from "@/lib/server/services/invitations";
import { createPasswordResetLink } from "@/lib/server/services/password-resets";
import { renameSelf } from "@/lib/server/services/profile";
import { givePassword, signInHeaders, stillSignedIn } from "../support/built-in-accounts";
import { activitiesOf, membershipOf, person, teamWith } from "../support/fixtures";

const OLD = "correct horse battery";
const NEW = "staple gun ocean breeze";

async function memberWithPassword() {
  const { teamId, actors } = await teamWith(["ADMIN", "ENGINEER"]);
  const [admin, member] = actors;
  await givePassword(member.userId, OLD);
  return { teamId, admin, member };
}

const request = (headers: Headers) => ({ headers, clientAddress: `198.51.100.${Math.floor(Math.random() * 250)}` });
const tokenOf = (link: string) => decodeURIComponent(link.split("/reset-password/")[1]);

describe("changing one's password", () => {
  it("refuses a wrong current password as a field error, and a too short or unconfirmed new one", async () => {
    const { member } = await memberWithPassword();
    const headers = (await signInHeaders(member.email, OLD))!;
    await expect(changeOwnPassword(member, { currentPassword: "not my password", newPassword: NEW, confirmPassword: NEW }, request(headers))).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { currentPassword: ["That is not your current password."] },
    });
    await expect(changeOwnPassword(member, { currentPassword: OLD, newPassword: "short", confirmPassword: "short" }, request(headers))).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { newPassword: ["Use at least 12 characters."] },
    });
    await expect(changeOwnPassword(member, { currentPassword: OLD, newPassword: NEW, confirmPassword: `${NEW}!` }, request(headers))).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { confirmPassword: ["The two passwords differ."] },
    });
    await expect(changeOwnPassword(member, { currentPassword: OLD, newPassword: "x".repeat(129), confirmPassword: "x".repeat(129) }, request(headers))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await signInHeaders(member.email, OLD)).not.toBeNull();
  });

  it("signs in with the new password only, and keeps other sessions unless asked", async () => {
    const { member } = await memberWithPassword();
    const here = (await signInHeaders(member.email, OLD))!;
    const elsewhere = (await signInHeaders(member.email, OLD))!;
    await changeOwnPassword(member, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, request(here));
    expect(await signInHeaders(member.email, OLD)).toBeNull();
    expect(await signInHeaders(member.email, NEW)).not.toBeNull();
    expect(await stillSignedIn(elsewhere)).toBe(true);
  });

  it("ends every other session when asked", async () => {
    const { member } = await memberWithPassword();
    const here = (await signInHeaders(member.email, OLD))!;
    const elsewhere = (await signInHeaders(member.email, OLD))!;
    await changeOwnPassword(member, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, signOutOthers: "on" }, request(here));
    expect(await stillSignedIn(elsewhere)).toBe(false);
    // Only the session that asked gets a fresh one: one session is left.
    expect(await db.session.count({ where: { userId: member.userId } })).toBe(1);
  });

  it("throttles guessing the current password like a sign-in", async () => {
    const { member } = await memberWithPassword();
    const headers = (await signInHeaders(member.email, OLD))!;
    const from = request(headers);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(changeOwnPassword(member, { currentPassword: `guess ${attempt}`, newPassword: NEW, confirmPassword: NEW }, from)).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(changeOwnPassword(member, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, from)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await signInHeaders(member.email, NEW)).toBeNull();
  });

  it("signs out the other sessions on request, keeping this one", async () => {
    const { member } = await memberWithPassword();
    const here = (await signInHeaders(member.email, OLD))!;
    const elsewhere = (await signInHeaders(member.email, OLD))!;
    await signOutOtherSessions({ userId: member.userId, name: member.name ?? "Member", email: member.email }, here);
    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
  });

  it("is not offered by e-mail when the installation sends no mail", async () => {
    await expect(requestPasswordResetMail({ email: "someone@example.com" }, { clientAddress: "192.0.2.1" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("a password reset link created by an admin", () => {
  it("is refused to anyone but an admin, and for a member of another team", async () => {
    const { admin, member } = await memberWithPassword();
    await expect(createPasswordResetLink(member, { membershipId: (await membershipOf(admin)).id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await teamWith(["ADMIN", "ENGINEER"]);
    await expect(createPasswordResetLink(admin, { membershipId: (await membershipOf(other.actors[1])).id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createPasswordResetLink(admin, { membershipId: "" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("sets a new password once, ends the member's sessions, and is recorded", async () => {
    const { teamId, admin, member } = await memberWithPassword();
    const session = (await signInHeaders(member.email, OLD))!;
    const { link, name, expiresAt } = await createPasswordResetLink(admin, { membershipId: (await membershipOf(member)).id });
    expect(name).toBe(member.name);
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\/[\w-]{43}$/);
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // The database keeps only a hash of the link's token.
    expect(await db.verification.count({ where: { identifier: { contains: tokenOf(link) } } })).toBe(0);
    const [record] = await activitiesOf(teamId, "member.passwordResetLinkCreated");
    expect(record).toMatchObject({ actorUserId: admin.userId, after: { userId: member.userId, name: member.name } });

    await expect(resetPasswordWithToken({ token: tokenOf(link), newPassword: NEW, confirmPassword: "different password" })).rejects.toMatchObject({
      fields: { confirmPassword: ["The two passwords differ."] },
    });
    await resetPasswordWithToken({ token: tokenOf(link), newPassword: NEW, confirmPassword: NEW });
    expect(await stillSignedIn(session)).toBe(false);
    expect(await signInHeaders(member.email, OLD)).toBeNull();
    expect(await signInHeaders(member.email, NEW)).not.toBeNull();
    await expect(resetPasswordWithToken({ token: tokenOf(link), newPassword: OLD, confirmPassword: OLD })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await signInHeaders(member.email, NEW)).not.toBeNull();
  });

  it("no longer works after it expires, nor with a made-up token", async () => {
    const { admin, member } = await memberWithPassword();
    const { link } = await createPasswordResetLink(admin, { membershipId: (await membershipOf(member)).id });
    await db.verification.updateMany({ where: { value: member.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPasswordWithToken({ token: tokenOf(link), newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(resetPasswordWithToken({ token: randomUUID(), newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await signInHeaders(member.email, OLD)).not.toBeNull();
  });

  it("is refused when Clerk manages the passwords", async () => {
    const { admin, member } = await memberWithPassword();
    const membershipId = (await membershipOf(member)).id;
    vi.resetModules();
    vi.stubEnv("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k");
    vi.stubEnv("CLERK_SECRET_KEY", "sk_test_0123456789");
    try {
      const withClerk = await import("@/lib/server/services/password-resets");
      await expect(withClerk.createPasswordResetLink(admin, { membershipId })).rejects.toMatchObject({ code: "CONFLICT" });
      const passwords = await import("@/lib/server/identity/passwords");
      const headers = (await signInHeaders(member.email, OLD))!;
      await expect(passwords.changeOwnPassword(member, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, request(headers))).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.verification.count({ where: { value: member.userId } })).toBe(0);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe("sending an invitation again", () => {
  it("replaces the link: the old one is dead, the new one joins, and it is recorded", async () => {
    const { teamId, actors } = await teamWith(["ADMIN"]);
    const [admin] = actors;
    const invitee = await person("Invitee");
    const first = await inviteMember(admin, { email: invitee.email, role: "LEAD" });
    const oldToken = first.link.split("/invite/")[1];
    const again = await reissueInvitation(admin, { invitationId: first.invitation.id });
    const newToken = again.link.split("/invite/")[1];
    expect(newToken).not.toBe(oldToken);
    expect(again.emailed).toBe(false);
    expect(await previewInvitation(oldToken)).toBeNull();
    await expect(acceptInvitation(invitee, oldToken)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [record] = await activitiesOf(teamId, "invitation.reissued");
    expect(record).toMatchObject({ actorUserId: admin.userId, entityId: first.invitation.id, after: { email: invitee.email, role: "LEAD" } });
    await acceptInvitation(invitee, newToken);
    expect(await db.membership.findFirst({ where: { teamId, userId: invitee.userId }, select: { role: true } })).toEqual({ role: "LEAD" });
    // Accepted: there is nothing left to send again.
    await expect(reissueInvitation(admin, { invitationId: first.invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("revives an expired invitation for the full period", async () => {
    const { actors } = await teamWith(["ADMIN"]);
    const [admin] = actors;
    const { invitation } = await inviteMember(admin, { email: `late.${randomUUID().slice(0, 6)}@example.com`, role: "VIEWER" });
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await listOpenInvitations(admin)).map((i) => [i.id, i.expired])).toEqual([[invitation.id, true]]);
    const again = await reissueInvitation(admin, { invitationId: invitation.id });
    expect(Date.parse(again.invitation.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await previewInvitation(again.link.split("/invite/")[1]))?.status).toBe("pending");
    expect((await listOpenInvitations(admin)).map((i) => [i.id, i.expired])).toEqual([[invitation.id, false]]);
  });

  it("is refused to non-admins, for another team's invitation, and for a revoked one", async () => {
    const { actors } = await teamWith(["ADMIN", "LEAD"]);
    const [admin, lead] = actors;
    const { invitation } = await inviteMember(admin, { email: `x.${randomUUID().slice(0, 6)}@example.com`, role: "VIEWER" });
    await expect(reissueInvitation(lead, { invitationId: invitation.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await teamWith(["ADMIN"]);
    await expect(reissueInvitation(other.actors[0], { invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await expect(reissueInvitation(admin, { invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("renaming oneself", () => {
  it("validates the name and records the change in every team of the person", async () => {
    const alpha = await teamWith(["ENGINEER"]);
    const [me] = alpha.actors;
    const beta = await teamWith(["ADMIN"]);
    await db.membership.create({ data: { teamId: beta.teamId, userId: me.userId, role: "VIEWER" } });
    await expect(renameSelf(me, { name: "   " })).rejects.toMatchObject({ code: "VALIDATION", fields: { name: ["Enter your name."] } });
    await expect(renameSelf(me, { name: "x".repeat(101) })).rejects.toMatchObject({ code: "VALIDATION", fields: { name: ["Use at most 100 characters."] } });
    await expect(renameSelf(me, { name: "Ada\u0000" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await renameSelf(me, { name: "  Ada Lovelace " })).toEqual({ name: "Ada Lovelace" });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.userId } })).name).toBe("Ada Lovelace");
    for (const teamId of [alpha.teamId, beta.teamId]) {
      expect(await activitiesOf(teamId, "account.renamed")).toEqual([expect.objectContaining({ actorUserId: me.userId, before: { name: me.name }, after: { name: "Ada Lovelace" } })]);
    }
    // The same name again changes nothing, and records nothing.
    await renameSelf({ ...me, name: "Ada Lovelace" }, { name: "Ada Lovelace" });
    expect(await activitiesOf(alpha.teamId, "account.renamed")).toHaveLength(1);
  });
});
