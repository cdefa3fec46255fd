// Each change that may notify someone: who hears of it, in one event, and
// that nobody hears of a change that was refused or rolled back.
import { describe, expect, it } from "vitest";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import { mentionToken } from "@/lib/domain/mentions";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { addComment, editComment } from "@/lib/server/services/comments";
import { acceptInvitation, inviteMember } from "@/lib/server/services/invitations";
import { updateItem } from "@/lib/server/services/items";
import { removeMember } from "@/lib/server/services/members";
import { decideWaiver, requestWaiver } from "@/lib/server/services/waivers";
import { membershipOf, person, teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, itemByKey, itemsOf } from "../support/readiness";

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "LEAD", "ENGINEER", "ENGINEER", "VIEWER"]);
  const [admin, lead, otherLead, engineer, otherEngineer, viewer] = actors;
  const projectId = await catalogueProject(lead, ["security"]);
  const item = await itemByKey(projectId, "security.headers");
  // Another team, whose people must never hear of this one's changes.
  const outsider = (await teamWith(["LEAD"])).actors[0];
  return { teamId, admin, lead, otherLead, engineer, otherEngineer, viewer, projectId, item, outsider };
}

const inbox = (who: UserActor, kind?: NotificationKind) =>
  db.notification.findMany({ where: { userId: who.userId, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
const eventsOf = (teamId: string, kind: NotificationKind) => db.notificationEvent.findMany({ where: { teamId, kind } });
const recipientsOf = async (eventId: string) => (await db.notification.findMany({ where: { eventId }, select: { userId: true } })).map((row) => row.userId).sort();

describe("ITEM_ASSIGNED", () => {
  it("tells the new owner of a single edit, with a sentence naming who, what and where, linking to the item", async () => {
    const w = await world();
    await updateItem(w.lead, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.engineer.userId } });
    const [entry] = await inbox(w.engineer, "ITEM_ASSIGNED");
    expect(entry).toMatchObject({ teamId: w.teamId, projectId: w.projectId, itemId: w.item.id, link: `/projects/${w.projectId}/items/${w.item.id}`, readAt: null });
    expect(entry.title).toBe(`${w.lead.name} assigned you “${w.item.title}” in Checkout API`);
    expect(await inbox(w.lead)).toEqual([]);
    expect(await inbox(w.outsider)).toEqual([]);
  });

  it("tells nobody when people take an item themselves, clear the owner or change something else", async () => {
    const w = await world();
    const taken = await updateItem(w.engineer, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.engineer.userId } });
    const cleared = await updateItem(w.lead, { itemId: w.item.id, version: taken.version, changes: { ownerId: null } });
    await updateItem(w.lead, { itemId: w.item.id, version: cleared.version, changes: { priority: "LOW" } });
    expect(await eventsOf(w.teamId, "ITEM_ASSIGNED")).toEqual([]);
  });

  it("tells the owner once of a bulk edit, however many items", async () => {
    const w = await world();
    const items = (await itemsOf(w.projectId)).slice(0, 5);
    await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: items.map((i) => i.id), changes: { ownerId: w.engineer.userId } });
    const [event] = await eventsOf(w.teamId, "ITEM_ASSIGNED");
    expect(await eventsOf(w.teamId, "ITEM_ASSIGNED")).toHaveLength(1);
    expect(await recipientsOf(event.id)).toEqual([w.engineer.userId]);
    const [entry] = await inbox(w.engineer);
    expect(entry.title).toBe(`${w.lead.name} assigned you 5 items in Checkout API`);
    expect(entry.link).toBe(`/projects/${w.projectId}?owner=${w.engineer.userId}`);
    expect(event.payload).toMatchObject({ v: 1, kind: "ITEM_ASSIGNED", project: { id: w.projectId, name: "Checkout API" }, item: null, details: { count: 5 } });
  });

  it("counts only the items the bulk edit changed, and tells nobody of a refused one", async () => {
    const w = await world();
    const [first, second] = await itemsOf(w.projectId);
    await updateItem(w.lead, { itemId: first.id, version: first.version, changes: { ownerId: w.engineer.userId } });
    await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [first.id, second.id], changes: { ownerId: w.engineer.userId } });
    const titles = (await inbox(w.engineer)).map((entry) => entry.title);
    expect(titles).toEqual([`${w.lead.name} assigned you “${first.title}” in Checkout API`, `${w.lead.name} assigned you “${second.title}” in Checkout API`]);
    // Refused as a whole: an item of another project.
    const other = await catalogueProject(w.lead, ["testing"], "Other");
    const foreign = (await itemsOf(other))[0];
    expect(await code(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [second.id, foreign.id], changes: { ownerId: w.otherEngineer.userId } }))).toBe("VALIDATION");
    expect(await inbox(w.otherEngineer)).toEqual([]);
  });

  it("tells nobody of an edit that was refused", async () => {
    const w = await world();
    // An owner outside the team is refused, and so is a viewer's edit.
    expect(await code(updateItem(w.lead, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.outsider.userId } }))).toBe("VALIDATION");
    expect(await code(updateItem(w.viewer, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.engineer.userId } }))).toBe("FORBIDDEN");
    expect(await eventsOf(w.teamId, "ITEM_ASSIGNED")).toEqual([]);
    expect(await inbox(w.outsider)).toEqual([]);
  });

  it("tells the successor of the items handed over when someone leaves, once per project", async () => {
    const w = await world();
    const items = (await itemsOf(w.projectId)).slice(0, 3);
    await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: items.map((i) => i.id), changes: { ownerId: w.otherEngineer.userId } });
    await removeMember(w.admin, { membershipId: (await membershipOf(w.otherEngineer)).id, successorId: w.engineer.userId });
    const [entry] = await inbox(w.engineer);
    expect(entry.title).toBe(`${w.admin.name} handed you 3 items of ${w.otherEngineer.name} in Checkout API`);
  });
});

describe("waivers", () => {
  it("asks every lead and admin but the requester to decide, and tells the requester and the owner of the decision", async () => {
    const w = await world();
    await updateItem(w.lead, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.otherEngineer.userId } });
    const { waiverId } = await requestWaiver(w.engineer, { itemId: w.item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(10) });
    const [requested] = await eventsOf(w.teamId, "WAIVER_REQUESTED");
    expect(await recipientsOf(requested.id)).toEqual([w.admin.userId, w.lead.userId, w.otherLead.userId].sort());
    expect((await inbox(w.lead, "WAIVER_REQUESTED"))[0].title).toBe(`${w.engineer.name} asked for a waiver on “${w.item.title}” in Checkout API`);

    await decideWaiver(w.lead, { waiverId, decision: "APPROVE" });
    const [approved] = await eventsOf(w.teamId, "WAIVER_APPROVED");
    expect(await recipientsOf(approved.id)).toEqual([w.engineer.userId, w.otherEngineer.userId].sort());
    expect((await inbox(w.engineer, "WAIVER_APPROVED"))[0].title).toBe(`${w.lead.name} approved the waiver on “${w.item.title}” in Checkout API`);
    expect(await inbox(w.outsider)).toEqual([]);
  });

  it("a lead's own request goes to the other deciders; a rejection to the requester; a refused decision to nobody", async () => {
    const w = await world();
    const { waiverId } = await requestWaiver(w.lead, { itemId: w.item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(10) });
    const [requested] = await eventsOf(w.teamId, "WAIVER_REQUESTED");
    expect(await recipientsOf(requested.id)).toEqual([w.admin.userId, w.otherLead.userId].sort());
    expect(await code(decideWaiver(w.lead, { waiverId, decision: "APPROVE" }))).toBe("FORBIDDEN");
    expect(await eventsOf(w.teamId, "WAIVER_APPROVED")).toEqual([]);
    await decideWaiver(w.otherLead, { waiverId, decision: "REJECT", note: "Fix it" });
    expect((await inbox(w.lead, "WAIVER_REJECTED")).map((e) => e.title)).toEqual([`${w.otherLead.name} rejected the waiver on “${w.item.title}” in Checkout API`]);
    // Decided already: refused, and nobody hears of it twice.
    expect(await code(decideWaiver(w.admin, { waiverId, decision: "APPROVE" }))).toBe("CONFLICT");
    expect(await eventsOf(w.teamId, "WAIVER_APPROVED")).toEqual([]);
  });
});

describe("comments", () => {
  it("tells each member mentioned, and the owner of the item unless they wrote it or are mentioned", async () => {
    const w = await world();
    await updateItem(w.lead, { itemId: w.item.id, version: w.item.version, changes: { ownerId: w.otherEngineer.userId } });
    await addComment(w.engineer, { itemId: w.item.id, body: `Can ${mentionToken({ id: w.lead.userId, name: w.lead.name })} and ${mentionToken({ id: w.outsider.userId, name: "Out" })} look?` });
    expect((await inbox(w.lead, "MENTIONED")).map((e) => e.title)).toEqual([`${w.engineer.name} mentioned you on “${w.item.title}” in Checkout API`]);
    expect(await inbox(w.outsider)).toEqual([]);
    expect((await inbox(w.otherEngineer, "COMMENT_ADDED")).map((e) => e.title)).toEqual([`${w.engineer.name} commented on “${w.item.title}” in Checkout API`]);

    // The owner mentioned hears once; the owner writing hears nothing.
    await addComment(w.engineer, { itemId: w.item.id, body: `${mentionToken({ id: w.otherEngineer.userId, name: w.otherEngineer.name })} over to you` });
    expect(await inbox(w.otherEngineer, "COMMENT_ADDED")).toHaveLength(1);
    expect(await inbox(w.otherEngineer, "MENTIONED")).toHaveLength(1);
    await addComment(w.otherEngineer, { itemId: w.item.id, body: "Done." });
    expect(await inbox(w.otherEngineer)).toHaveLength(3);
  });

  it("an edit tells only those it newly mentions", async () => {
    const w = await world();
    const lead = mentionToken({ id: w.lead.userId, name: w.lead.name });
    const { comment } = await addComment(w.engineer, { itemId: w.item.id, body: `Hi ${lead}` });
    await editComment(w.engineer, { commentId: comment.id, body: `Hi ${lead} and ${mentionToken({ id: w.otherLead.userId, name: w.otherLead.name })}` });
    expect(await inbox(w.lead, "MENTIONED")).toHaveLength(1);
    expect(await inbox(w.otherLead, "MENTIONED")).toHaveLength(1);
    expect(await eventsOf(w.teamId, "COMMENT_ADDED")).toEqual([]);
  });
});

describe("INVITATION_ACCEPTED", () => {
  it("tells the person who sent the invitation, and nobody once they have left", async () => {
    const w = await world();
    const invitee = await person("Nora New");
    const { link } = await inviteMember(w.admin, { email: invitee.email, role: "ENGINEER" });
    await acceptInvitation(invitee, link.split("/invite/")[1]);
    const [entry] = await inbox(w.admin, "INVITATION_ACCEPTED");
    expect(entry).toMatchObject({ link: "/members", projectId: null, itemId: null });
    expect(entry.title).toMatch(/^Nora New accepted your invitation to Team \w+ and joined as an engineer$/);

    // Sent by an admin who has since left: the event is kept, nobody's inbox gets it.
    const { actors: [other, gone] } = await teamWith(["ADMIN", "ADMIN"]);
    const late = await person("Late");
    const sent = await inviteMember(gone, { email: late.email, role: "VIEWER" });
    await removeMember(other, { membershipId: (await membershipOf(gone)).id });
    await acceptInvitation(late, sent.link.split("/invite/")[1]);
    expect(await inbox(gone)).toEqual([]);
  });
});
