import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";
import { mayCreateAccount } from "@/lib/server/identity/account-creation";
import { acceptInvitation, inviteMember, listPendingInvitations, previewInvitation, revokeInvitation } from "@/lib/server/services/invitations";
import { teamsOf } from "@/lib/server/services/teams";
import { activitiesOf, person, teamWith } from "../support/fixtures";

const tokenOf = (link: string) => link.split("/invite/")[1];
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: AppError) => error);

describe("invitations", () => {
  it("invites by email with a role; the invited person accepts and joins with that role", async () => {
    const { teamId, actors: [admin] } = await teamWith(["ADMIN"]);
    const invitee = await person("Invitee");
    const { link, invitation, emailed } = await inviteMember(admin, { email: invitee.email.toUpperCase(), role: "VIEWER" });
    expect(emailed).toBe(false);
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    expect(invitation.email).toBe(invitee.email);
    expect(await listPendingInvitations(admin)).toHaveLength(1);
    expect(await previewInvitation(tokenOf(link))).toMatchObject({ email: invitee.email, role: "VIEWER", status: "pending" });

    await acceptInvitation(invitee, tokenOf(link));
    expect(await teamsOf(invitee.userId)).toEqual([expect.objectContaining({ teamId, role: "VIEWER" })]);
    expect((await previewInvitation(tokenOf(link)))?.status).toBe("accepted");
    expect(await activitiesOf(teamId, "member.invited")).toHaveLength(1);
    expect(await activitiesOf(teamId, "member.joined")).toHaveLength(1);
  });

  it("stores only a hash of the link's token", async () => {
    const { teamId, actors: [admin] } = await teamWith(["ADMIN"]);
    const { link } = await inviteMember(admin, { email: "hash@example.com", role: "ENGINEER" });
    const stored = await db.invitation.findFirstOrThrow({ where: { teamId } });
    expect(stored.tokenHash).not.toContain(tokenOf(link));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("binds the invitation to its address and to one use", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const invitee = await person("Bound");
    const stranger = await person("Stranger");
    const { link } = await inviteMember(admin, { email: invitee.email, role: "ENGINEER" });
    expect((await failure(acceptInvitation(stranger, tokenOf(link))))?.code).toBe("FORBIDDEN");
    await acceptInvitation(invitee, tokenOf(link));
    expect((await failure(acceptInvitation(invitee, tokenOf(link))))?.code).toBe("CONFLICT");
    expect((await failure(acceptInvitation(invitee, "not-a-real-token-at-all-000000")))?.code).toBe("NOT_FOUND");
  });

  it("refuses revoked and expired invitations", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const invitee = await person("Late");
    const revoked = await inviteMember(admin, { email: invitee.email, role: "ENGINEER" });
    await revokeInvitation(admin, { invitationId: revoked.invitation.id });
    expect((await failure(acceptInvitation(invitee, tokenOf(revoked.link))))?.code).toBe("CONFLICT");

    const expired = await inviteMember(admin, { email: invitee.email, role: "ENGINEER" });
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await previewInvitation(tokenOf(expired.link)))?.status).toBe("expired");
    expect((await failure(acceptInvitation(invitee, tokenOf(expired.link))))?.code).toBe("CONFLICT");
  });

  it("replaces a pending invitation to the same address", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const first = await inviteMember(admin, { email: "twice@example.com", role: "VIEWER" });
    await inviteMember(admin, { email: "twice@example.com", role: "LEAD" });
    expect((await previewInvitation(tokenOf(first.link)))?.status).toBe("revoked");
    expect((await listPendingInvitations(admin)).map((i) => i.role)).toEqual(["LEAD"]);
  });

  it("gives field-level errors for bad input and existing members, and only admins may invite", async () => {
    const { teamId, actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    const bad = await failure(inviteMember(admin, { email: "not-an-email", role: "CAPTAIN" }));
    expect(bad?.code).toBe("VALIDATION");
    expect(Object.keys(bad?.fields ?? {}).sort()).toEqual(["email", "role"]);
    const member = await failure(inviteMember(admin, { email: lead.email, role: "VIEWER" }));
    expect(member?.fields?.email).toEqual(["Already a member of this team."]);
    expect((await failure(inviteMember(lead, { email: "x@example.com", role: "VIEWER" })))?.code).toBe("FORBIDDEN");
    expect(await db.invitation.count({ where: { teamId } })).toBe(0);
  });

  it("lets a built-in account be created only for a pending invitation", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    expect(await mayCreateAccount("nobody@example.com")).toBe(false);
    await inviteMember(admin, { email: "welcome@example.com", role: "VIEWER" });
    expect(await mayCreateAccount("Welcome@Example.com")).toBe(true);
  });
});
