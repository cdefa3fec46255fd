import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { changeMemberRole, listMembers, removeMember } from "@/lib/server/services/members";
import { activitiesOf, membershipOf, teamWith } from "../support/fixtures";

const code = (promise: Promise<unknown>) =>
  promise.then(() => "OK", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe("members", () => {
  it("lists the team's members to everyone in it, and nobody else's", async () => {
    const { actors } = await teamWith(["ADMIN", "VIEWER"]);
    const other = await teamWith(["ADMIN"]);
    const members = await listMembers(actors[1]);
    expect(members.map((m) => m.role).sort()).toEqual(["ADMIN", "VIEWER"]);
    expect(members.some((m) => m.userId === other.actors[0].userId)).toBe(false);
  });

  it("lets an admin change a role, and records who changed what", async () => {
    const { teamId, actors: [admin, engineer] } = await teamWith(["ADMIN", "ENGINEER"]);
    const membership = await membershipOf(engineer);
    await changeMemberRole(admin, { membershipId: membership.id, role: "LEAD" });
    expect((await membershipOf(engineer)).role).toBe("LEAD");
    const [activity] = await activitiesOf(teamId, "member.roleChanged");
    expect(activity).toMatchObject({ actorUserId: admin.userId, entityId: membership.id });
    expect(activity.before).toMatchObject({ role: "ENGINEER" });
    expect(activity.after).toMatchObject({ role: "LEAD" });
  });

  it("refuses non-admins, bad input and other teams' members, changing nothing", async () => {
    const { teamId, actors: [admin, lead, engineer] } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
    const other = await teamWith(["ADMIN", "VIEWER"]);
    const target = await membershipOf(engineer);
    expect(await code(changeMemberRole(lead, { membershipId: target.id, role: "ADMIN" }))).toBe("FORBIDDEN");
    expect(await code(removeMember(engineer, { membershipId: target.id }))).toBe("FORBIDDEN");
    expect(await code(changeMemberRole(admin, { membershipId: target.id, role: "OWNER" }))).toBe("VALIDATION");
    const foreign = await membershipOf(other.actors[1]);
    expect(await code(changeMemberRole(admin, { membershipId: foreign.id, role: "ADMIN" }))).toBe("NOT_FOUND");
    expect(await code(removeMember(admin, { membershipId: foreign.id }))).toBe("NOT_FOUND");
    expect((await membershipOf(other.actors[1])).role).toBe("VIEWER");
    expect((await membershipOf(engineer)).role).toBe("ENGINEER");
    expect(await activitiesOf(teamId, "member.roleChanged")).toHaveLength(0);
  });

  it("never lets the last admin be demoted or removed", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN", "VIEWER"]);
    const own = await membershipOf(admin);
    const error = await changeMemberRole(admin, { membershipId: own.id, role: "LEAD" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("CONFLICT");
    expect(await code(removeMember(admin, { membershipId: own.id }))).toBe("CONFLICT");
    expect((await membershipOf(admin)).role).toBe("ADMIN");
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const { actors: [first, second] } = await teamWith(["ADMIN", "ADMIN"]);
    const [a, b] = await Promise.all([membershipOf(first), membershipOf(second)]);
    const outcomes = await Promise.all([
      code(changeMemberRole(first, { membershipId: b.id, role: "VIEWER" })),
      code(changeMemberRole(second, { membershipId: a.id, role: "VIEWER" })),
    ]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
    const roles = [(await membershipOf(first)).role, (await membershipOf(second)).role].sort();
    expect(roles).toEqual(["ADMIN", "VIEWER"]);
  });

  it("removes a member and records it", async () => {
    const { teamId, actors: [admin, viewer] } = await teamWith(["ADMIN", "VIEWER"]);
    const membership = await membershipOf(viewer);
    await removeMember(admin, { membershipId: membership.id });
    expect((await listMembers(admin)).map((m) => m.userId)).toEqual([admin.userId]);
    const [activity] = await activitiesOf(teamId, "member.removed");
    expect(activity.before).toMatchObject({ userId: viewer.userId, role: "VIEWER" });
  });
});
