import { describe, expect, it } from "vitest";
import { reportCsv } from "@/lib/domain/report/csv";
import { reportMarkdown } from "@/lib/domain/report/markdown";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { loadProjectFeed } from "@/lib/server/read-models/activity-feed";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { updateItem } from "@/lib/server/services/items";
import { changeMemberRole, listMembers, openItemsByMember, removeMember } from "@/lib/server/services/members";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, membershipOf, teamWith } from "../support/fixtures";
import { catalogueProject, failure, itemByKey } from "../support/readiness";

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

// A leaving engineer owns two open items and a done and a not-applicable one
// in "Checkout API", and one open item in "Search". Every change is the lead's.
async function teamWithOwner() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER", "VIEWER"], "Hand-over");
  const [admin, lead, leaving, successor, viewer] = actors;
  // Both engineers get a generated name of their own, so that texts can tell them apart.
  for (const [actor, name] of [[leaving, "Erin Leaving"], [successor, "Sam Successor"]] as const) {
    actor.name = `${name} ${actor.userId.slice(0, 6)}`;
    await db.user.update({ where: { id: actor.userId }, data: { name: actor.name } });
  }
  const checkout = await catalogueProject(lead, ["security", "testing"], "Checkout API");
  const search = await catalogueProject(lead, ["testing"], "Search");
  const assign = async (projectId: string, key: string, changes: Record<string, unknown> = {}) => {
    const item = await itemByKey(projectId, key);
    await updateItem(lead, { itemId: item.id, version: item.version, changes: { ownerId: leaving.userId, ...changes } });
    return item.id;
  };
  const open = [
    await assign(checkout, "security.authentication"),
    await assign(checkout, "testing.unit", { status: "PARTIAL" }),
    await assign(search, "testing.end-to-end"),
  ];
  const closed = [await assign(checkout, "testing.integration", { status: "DONE" }), await assign(checkout, "testing.load", { status: "NOT_APPLICABLE", notApplicableReason: "No traffic yet" })];
  return { teamId, admin, lead, leaving, successor, viewer, checkout, search, open, closed };
}

const ownersOf = async (ids: string[]) => (await db.item.findMany({ where: { id: { in: ids } }, select: { ownerId: true } })).map((item) => item.ownerId);

// Everything the team can read about its items, as text: report exports, the
// portfolio, and the API's item list and item detail.
async function everythingReadable(admin: UserActor, projectId: string) {
  const report = await loadProjectReport(admin, projectId);
  const { secret } = await tokenFor(admin, "read");
  const list = await callApi("GET", `/api/v1/projects/${projectId}/items?limit=200`, { token: secret });
  const detail = await callApi("GET", `/api/v1/projects/${projectId}/items/security.authentication`, { token: secret });
  return [JSON.stringify(report), reportMarkdown(report), reportCsv(report), JSON.stringify(await loadPortfolioReport(admin)), JSON.stringify(list.body), JSON.stringify(detail.body)];
}

describe("removing a member who owns items", () => {
  it("counts their open items per project for the hand-over dialog", async () => {
    const { admin, leaving, successor, checkout, search } = await teamWithOwner();
    const counts = await openItemsByMember(admin);
    expect(counts[leaving.userId]).toEqual([
      { projectId: checkout, projectName: "Checkout API", archived: false, openItems: 2 },
      { projectId: search, projectName: "Search", archived: false, openItems: 1 },
    ]);
    expect(counts[successor.userId] ?? []).toEqual([]);
  });

  it("hands their open items to the chosen successor in the same step, recorded per item in the items' projects", async () => {
    const { teamId, admin, leaving, successor, checkout, open, closed } = await teamWithOwner();
    const versions = new Map((await db.item.findMany({ where: { id: { in: open } }, select: { id: true, version: true } })).map((item) => [item.id, item.version]));
    await removeMember(admin, { membershipId: (await membershipOf(leaving)).id, successorId: successor.userId });

    expect(await ownersOf(open)).toEqual([successor.userId, successor.userId, successor.userId]);
    // Finished work is not handed to someone who did not do it: it is left unassigned.
    expect(await ownersOf(closed)).toEqual([null, null]);
    for (const item of await db.item.findMany({ where: { id: { in: open } }, select: { id: true, version: true } })) expect(item.version).toBe((versions.get(item.id) ?? 0) + 1);

    const handedOver = await activitiesOf(teamId, "item.handedOver");
    expect(handedOver).toHaveLength(5);
    for (const entry of handedOver) expect(entry).toMatchObject({ actorUserId: admin.userId, itemId: entry.entityId, projectId: expect.any(String) });
    expect(handedOver.filter((entry) => (entry.after as { ownerId: string | null }).ownerId === successor.userId).map((e) => e.itemId).sort()).toEqual([...open].sort());
    expect(handedOver[0].before).toMatchObject({ ownerId: leaving.userId, ownerName: leaving.name });
    const [removed] = await activitiesOf(teamId, "member.removed");
    expect(removed.before).toMatchObject({ userId: leaving.userId, role: "ENGINEER" });
    expect(removed.after).toMatchObject({ successorId: successor.userId, successorName: successor.name, handedOver: 3, unassigned: 2 });

    const feed = await loadProjectFeed(admin, checkout);
    expect(feed.entries.filter((entry) => entry.action === "item.handedOver")).toHaveLength(4);

    for (const text of await everythingReadable(admin, checkout)) {
      expect(text).not.toContain(leaving.name);
      expect(text).not.toContain(leaving.email);
    }
    const report = await loadProjectReport(admin, checkout);
    expect(report.blockers.find((item) => item.key === "security.authentication")?.owner).toBe(successor.name);
  });

  it("leaves their items unassigned when no successor is chosen", async () => {
    const { teamId, admin, leaving, checkout, open, closed } = await teamWithOwner();
    await removeMember(admin, { membershipId: (await membershipOf(leaving)).id, successorId: null });
    expect(await ownersOf([...open, ...closed])).toEqual([null, null, null, null, null]);
    const handedOver = await activitiesOf(teamId, "item.handedOver");
    expect(handedOver).toHaveLength(5);
    for (const entry of handedOver) expect(entry.after).toMatchObject({ ownerId: null, ownerName: null });
    const [removed] = await activitiesOf(teamId, "member.removed");
    expect(removed.after).toMatchObject({ successorId: null, handedOver: 0, unassigned: 5 });
    for (const text of await everythingReadable(admin, checkout)) expect(text).not.toContain(leaving.name);
    const { secret } = await tokenFor(admin, "read");
    const none = await callApi("GET", `/api/v1/projects/${checkout}/items?owner=none&limit=200`, { token: secret });
    expect(none.body.data.map((item: { key: string }) => item.key)).toEqual(expect.arrayContaining(["security.authentication", "testing.unit", "testing.integration"]));
  });

  it("takes a successor only from the current members of the same team, and changes nothing otherwise", async () => {
    const { teamId, admin, leaving, open } = await teamWithOwner();
    const other = await teamWith(["ADMIN", "ENGINEER"]);
    const membershipId = (await membershipOf(leaving)).id;
    for (const successorId of [other.actors[1].userId, leaving.userId, "no-such-user"]) {
      const error = await failure(removeMember(admin, { membershipId, successorId }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fields?.successorId?.[0]).toMatch(/member of this team/);
    }
    expect(await ownersOf(open)).toEqual([leaving.userId, leaving.userId, leaving.userId]);
    expect((await membershipOf(leaving)).role).toBe("ENGINEER");
    expect(await activitiesOf(teamId, "item.handedOver")).toHaveLength(0);
    expect(await activitiesOf(teamId, "member.removed")).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const { lead, leaving, successor, viewer, open } = await teamWithOwner();
    const membershipId = (await membershipOf(leaving)).id;
    for (const actor of [lead, successor, viewer]) {
      expect(await code(removeMember(actor, { membershipId, successorId: successor.userId }))).toBe("FORBIDDEN");
      expect(await code(openItemsByMember(actor))).toBe("FORBIDDEN");
    }
    expect(await ownersOf(open)).toEqual([leaving.userId, leaving.userId, leaving.userId]);
  });
});
