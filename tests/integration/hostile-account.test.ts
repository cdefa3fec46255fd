// Password reset links, invitations sent again and renaming, as a careless or
// hostile admin or member would use them.
import { describe, expect, it } from "vitest";
import { resetPasswordWithToken } from "@/lib/server/identity/passwords";
import { db } from "@/lib/server/kernel/db";
import { createPasswordResetLink } from "@/lib/server/services/password-resets";
import { renameSelf } from "@/lib/server/services/profile";
import { givePassword, signInHeaders } from "../support/built-in-accounts";
import { activitiesOf, membershipOf, teamWith } from "../support/fixtures";

const OLD = "correct horse battery";
const NEW = "staple gun ocean breeze";
const tokenOf = (link: string) => decodeURIComponent(link.split("/reset-password/")[1]);

describe("a reset link for someone who is in other teams too", () => {
  it("is refused to an admin of one team for a person who works in a team they do not administer", async () => {
    // Beta's admin is also an engineer in Alpha: Alpha's admin must not be able to take the account over.
    const alpha = await teamWith(["ADMIN"], "Alpha");
    const beta = await teamWith(["ADMIN"], "Beta");
    const [alphaAdmin] = alpha.actors;
    const [betaAdmin] = beta.actors;
    await givePassword(betaAdmin.userId, OLD);
    const inAlpha = await db.membership.create({ data: { teamId: alpha.teamId, userId: betaAdmin.userId, role: "ENGINEER" } });

    const refused = createPasswordResetLink(alphaAdmin, { membershipId: inAlpha.id });
    await expect(refused).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.verification.count({ where: { value: betaAdmin.userId } })).toBe(0);
    expect(await activitiesOf(alpha.teamId, "member.passwordResetLinkCreated")).toEqual([]);
    expect(await signInHeaders(betaAdmin.email, OLD)).not.toBeNull();

    // An admin of both teams may, as may Beta's admin for its own member.
    await db.membership.create({ data: { teamId: beta.teamId, userId: alphaAdmin.userId, role: "ADMIN" } });
    const { link } = await createPasswordResetLink(alphaAdmin, { membershipId: inAlpha.id });
    await resetPasswordWithToken({ token: tokenOf(link), newPassword: NEW, confirmPassword: NEW });
    expect(await signInHeaders(betaAdmin.email, NEW)).not.toBeNull();
  });

  it("still works for a member of this team only", async () => {
    const { actors: [admin, member] } = await teamWith(["ADMIN", "ENGINEER"]);
    await givePassword(member.userId, OLD);
    const { link } = await createPasswordResetLink(admin, { membershipId: (await membershipOf(member)).id });
    await resetPasswordWithToken({ token: tokenOf(link), newPassword: NEW, confirmPassword: NEW });
    await expect(resetPasswordWithToken({ token: tokenOf(link), newPassword: OLD, confirmPassword: OLD })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await signInHeaders(member.email, NEW)).not.toBeNull();
  });
});

describe("renaming oneself with hostile names", () => {
  it("refuses control characters, unpaired surrogates and 10,000 characters as field errors", async () => {
    const { teamId, actors: [me] } = await teamWith(["ENGINEER"]);
    for (const name of ["Ada\u0007", "Ada\nLovelace", "\u0085Ada", "Ada\ud800", "x".repeat(10_000), "\u0000", 42, null]) {
      await expect(renameSelf(me, { name }), String(name).slice(0, 20)).rejects.toMatchObject({ code: "VALIDATION", fields: { name: expect.any(Array) } });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: me.userId } })).name).toBe(me.name);
    expect(await activitiesOf(teamId, "account.renamed")).toEqual([]);
  });
});
