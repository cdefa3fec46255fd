// "Delete my account": the same hand-over as a removal, in every team the
// person belongs to, then the user record itself.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { reportCsv } from "@/lib/domain/report/csv";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { accountDeletionPlan, deleteAccount } from "@/lib/server/services/account-deletion";
import { inviteMember, listPendingInvitations } from "@/lib/server/services/invitations";
import { updateItem } from "@/lib/server/services/items";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, failure, itemByKey } from "../support/readiness";

// The leaving person (Erin) is an engineer in "Alpha" and a lead in "Beta",
// owning open items in both and a done one in Alpha.
async function twoTeams() {
  const alpha = await teamWith(["ADMIN", "ENGINEER", "ENGINEER"], "Alpha");
  const [alphaAdmin, erinInAlpha, sam] = alpha.actors;
  const erin = { userId: erinInAlpha.userId, name: `Erin Leaving ${randomUUID().slice(0, 6)}`, email: erinInAlpha.email };
  await db.user.update({ where: { id: erin.userId }, data: { name: erin.name } });
  const beta = await teamWith(["ADMIN"], "Beta");
  const [betaAdmin] = beta.actors;
  await db.membership.create({ data: { teamId: beta.teamId, userId: erin.userId, role: "LEAD" } });
  const erinInBeta: UserActor = { kind: "user", ...erin, teamId: beta.teamId, role: "LEAD", timeZone: betaAdmin.timeZone };
  await db.session.create({ data: { token: randomUUID(), userId: erin.userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.account.create({ data: { accountId: erin.userId, providerId: "credential", userId: erin.userId, password: "not-a-real-hash" } });

  const alphaProject = await catalogueProject(alphaAdmin, ["security", "testing"], "Checkout API");
  const betaProject = await catalogueProject(betaAdmin, ["testing"], "Search");
  const own = async (actor: UserActor, projectId: string, key: string, changes: Record<string, unknown> = {}) => {
    const item = await itemByKey(projectId, key);
    await updateItem(actor, { itemId: item.id, version: item.version, changes: { ownerId: erin.userId, ...changes } });
    return item.id;
  };
  const alphaOpen = [await own(alphaAdmin, alphaProject, "security.authentication"), await own(alphaAdmin, alphaProject, "testing.unit")];
  const alphaDone = await own(alphaAdmin, alphaProject, "testing.integration", { status: "DONE" });
  const betaOpen = [await own(betaAdmin, betaProject, "testing.end-to-end")];
  return { alpha, beta, alphaAdmin, betaAdmin, sam, erin, erinInBeta, alphaProject, betaProject, alphaOpen, alphaDone, betaOpen };
}

const ownerOf = async (id: string) => (await db.item.findUniqueOrThrow({ where: { id }, select: { ownerId: true } })).ownerId;

describe("deleting one's own account", () => {
  it("shows, per team, who could take over, the open items per project, and where they are the last admin", async () => {
    const { alpha, beta, sam, alphaAdmin, betaAdmin, erin, alphaProject, betaProject } = await twoTeams();
    const plan = await accountDeletionPlan(erin);
    expect(plan.map((team) => [team.teamId, team.role, team.lastAdmin])).toEqual([
      [alpha.teamId, "ENGINEER", false],
      [beta.teamId, "LEAD", false],
    ]);
    expect(plan[0].others.map((o) => o.userId).sort()).toEqual([alphaAdmin.userId, sam.userId].sort());
    expect(plan[0].openItems).toEqual([{ projectId: alphaProject, projectName: "Checkout API", archived: false, openItems: 2 }]);
    expect(plan[1].others.map((o) => o.userId)).toEqual([betaAdmin.userId]);
    expect(plan[1].openItems).toEqual([{ projectId: betaProject, projectName: "Search", archived: false, openItems: 1 }]);
  });

  it("hands items over in every team, records it there, and removes the person, their sessions and password", async () => {
    const { alpha, beta, alphaAdmin, betaAdmin, sam, erin, alphaProject, alphaOpen, alphaDone, betaOpen } = await twoTeams();
    await deleteAccount(erin, { confirmEmail: ` ${erin.email.toUpperCase()} `, successors: { [alpha.teamId]: sam.userId, [beta.teamId]: null } });

    for (const id of alphaOpen) expect(await ownerOf(id)).toBe(sam.userId);
    expect(await ownerOf(alphaDone)).toBeNull();
    for (const id of betaOpen) expect(await ownerOf(id)).toBeNull();

    expect(await db.user.findUnique({ where: { id: erin.userId } })).toBeNull();
    expect(await db.membership.count({ where: { userId: erin.userId } })).toBe(0);
    expect(await db.session.count({ where: { userId: erin.userId } })).toBe(0);
    expect(await db.account.count({ where: { userId: erin.userId } })).toBe(0);

    const [alphaRecord] = await activitiesOf(alpha.teamId, "account.deleted");
    expect(alphaRecord).toMatchObject({ actorUserId: erin.userId, entityType: "membership" });
    expect(alphaRecord.after).toMatchObject({ successorId: sam.userId, handedOver: 2, unassigned: 1 });
    expect(await activitiesOf(alpha.teamId, "item.handedOver")).toHaveLength(3);
    const [betaRecord] = await activitiesOf(beta.teamId, "account.deleted");
    expect(betaRecord.after).toMatchObject({ successorId: null, handedOver: 0, unassigned: 1 });
    const betaHandOver = await activitiesOf(beta.teamId, "item.handedOver");
    expect(betaHandOver).toHaveLength(1);
    expect(betaHandOver[0]).toMatchObject({ itemId: betaOpen[0], projectId: expect.any(String) });

    const report = await loadProjectReport(alphaAdmin, alphaProject);
    const { secret } = await tokenFor(alphaAdmin, "read");
    const items = await callApi("GET", `/api/v1/projects/${alphaProject}/items?limit=200`, { token: secret });
    const texts = [JSON.stringify(report), reportMarkdown(report), reportCsv(report), JSON.stringify(await loadPortfolioReport(alphaAdmin)), JSON.stringify(items.body)];
    for (const text of texts) {
      expect(text).not.toContain(erin.name);
      expect(text).not.toContain(erin.email);
    }
    expect(JSON.stringify(await loadPortfolioReport(betaAdmin))).not.toContain(erin.name);
  });

  it("asks for the account's own e-mail address as confirmation, and changes nothing without it", async () => {
    const { alpha, erin, alphaOpen } = await twoTeams();
    for (const confirmEmail of ["", "someone.else@example.com"]) {
      const error = await failure(deleteAccount(erin, { confirmEmail }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fields?.confirmEmail).toBeDefined();
    }
    expect(await db.user.count({ where: { id: erin.userId } })).toBe(1);
    expect(await ownerOf(alphaOpen[0])).toBe(erin.userId);
    expect(await activitiesOf(alpha.teamId, "account.deleted")).toHaveLength(0);
  });

  it("takes successors only from the current members of each team, and changes nothing otherwise", async () => {
    const { alpha, beta, betaAdmin, erin, alphaOpen } = await twoTeams();
    // Beta's admin is no member of Alpha; Erin cannot succeed herself; a team she is not in is refused too.
    const stranger = await teamWith(["ADMIN"]);
    for (const [successors, field] of [
      [{ [alpha.teamId]: betaAdmin.userId }, `successors.${alpha.teamId}`],
      [{ [beta.teamId]: erin.userId }, `successors.${beta.teamId}`],
      [{ [stranger.teamId]: stranger.actors[0].userId }, `successors.${stranger.teamId}`],
    ] as const) {
      const error = await failure(deleteAccount(erin, { confirmEmail: erin.email, successors }));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fields ?? {})).toEqual([field]);
    }
    expect(await db.membership.count({ where: { userId: erin.userId } })).toBe(2);
    expect(await ownerOf(alphaOpen[0])).toBe(erin.userId);
    expect(await activitiesOf(alpha.teamId, "item.handedOver")).toHaveLength(0);
  });

  it("is refused while the person is the last admin of a team with other members, in no team changing anything", async () => {
    const { alpha, erin, erinInBeta, alphaOpen } = await twoTeams();
    // Erin becomes Gamma's only admin, with a viewer beside her.
    const gamma = await teamWith(["VIEWER"], "Gamma");
    await db.membership.create({ data: { teamId: gamma.teamId, userId: erin.userId, role: "ADMIN" } });
    const error = await failure(deleteAccount(erin, { confirmEmail: erin.email }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/last admin of Gamma .*Make one of them an admin first/);
    expect(await db.membership.count({ where: { userId: erin.userId } })).toBe(3);
    expect(await ownerOf(alphaOpen[0])).toBe(erin.userId);
    expect(await activitiesOf(alpha.teamId, "account.deleted")).toHaveLength(0);
    expect((await accountDeletionPlan(erinInBeta)).find((team) => team.teamId === gamma.teamId)?.lastAdmin).toBe(true);
  });

  it("lets the only member of a team go, leaving the team and its projects in place", async () => {
    const solo = await teamWith(["ADMIN"], "Solo");
    const [owner] = solo.actors;
    const projectId = await catalogueProject(owner, ["testing"], "Side project");
    const plan = await accountDeletionPlan(owner);
    expect(plan).toEqual([expect.objectContaining({ teamId: solo.teamId, others: [], lastAdmin: false })]);
    await deleteAccount(owner, { confirmEmail: owner.email });
    expect(await db.team.count({ where: { id: solo.teamId } })).toBe(1);
    expect(await db.project.count({ where: { id: projectId } })).toBe(1);
    expect(await activitiesOf(solo.teamId, "account.deleted")).toHaveLength(1);
  });

  it("leaves the invitations they sent valid, from a former member", async () => {
    const team = await teamWith(["ADMIN", "ADMIN"], "Inviters");
    const [leaving, staying] = team.actors;
    await inviteMember(leaving, { email: `invitee.${randomUUID().slice(0, 6)}@example.com`, role: "ENGINEER" });
    await deleteAccount(leaving, { confirmEmail: leaving.email });
    expect(await listPendingInvitations(staying)).toEqual([expect.objectContaining({ invitedBy: null })]);
  });
});
