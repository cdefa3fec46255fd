import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import type { Actor } from "@/lib/server/kernel/actor";
import { addComment, deleteComment, editComment, listComments } from "@/lib/server/services/comments";
import { deleteItem } from "@/lib/server/services/items";
import { archiveProject, deleteProject } from "@/lib/server/services/projects";
import { deleteAccount } from "@/lib/server/services/account-deletion";
import { mentionToken } from "@/lib/domain/mentions";
import { callApi, documentedOperations, notExercised, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey } from "../support/readiness";

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER", "VIEWER"]);
  const [admin, lead, engineer, otherEngineer, viewer] = actors;
  const projectId = await catalogueProject(lead);
  const item = await itemByKey(projectId, "security.headers");
  return { teamId, admin, lead, engineer, otherEngineer, viewer, projectId, item };
}

// A member as a mention token names them.
const tokenOf = (actor: { userId: string; name: string }) => mentionToken({ id: actor.userId, name: actor.name });

const post = (actor: Actor, itemId: string, body: string) => addComment(actor, { itemId, body }).then((result) => result.comment);

describe("comments: who may do what", () => {
  it("lets engineers, leads and admins comment, and refuses a viewer", async () => {
    const w = await world();
    for (const actor of [w.admin, w.lead, w.engineer]) await post(actor, w.item.id, `From ${actor.role}`);
    expect(await code(post(w.viewer, w.item.id, "Me too"))).toBe("FORBIDDEN");
    // A viewer reads the discussion, oldest first.
    const { comments } = await listComments(w.viewer, { itemId: w.item.id });
    expect(comments.map((c) => c.body)).toEqual(["From ADMIN", "From LEAD", "From ENGINEER"]);
    expect(comments.every((c) => !c.canEdit && !c.canDelete)).toBe(true);
    expect(comments.map((c) => c.authorName)).toEqual([w.admin.name, w.lead.name, w.engineer.name]);
  });

  it("lets an engineer edit their own comment but not another's", async () => {
    const w = await world();
    const mine = await post(w.engineer, w.item.id, "Draft");
    const theirs = await post(w.otherEngineer, w.item.id, "Theirs");
    const edited = await editComment(w.engineer, { commentId: mine.id, body: "Final" });
    expect(edited.comment).toMatchObject({ body: "Final", canEdit: true, canDelete: true });
    expect(edited.comment.editedAt).not.toBeNull();
    expect(await code(editComment(w.engineer, { commentId: theirs.id, body: "Hijacked" }))).toBe("FORBIDDEN");
    expect(await code(deleteComment(w.engineer, { commentId: theirs.id }))).toBe("FORBIDDEN");
    expect((await db.comment.findUniqueOrThrow({ where: { id: theirs.id } })).body).toBe("Theirs");
    // The list says so to each reader.
    const { comments } = await listComments(w.engineer, { itemId: w.item.id });
    expect(comments.map((c) => [c.body, c.canEdit, c.canDelete])).toEqual([
      ["Final", true, true],
      ["Theirs", false, false],
    ]);
  });

  it("lets a lead delete another's comment as moderation, but never edit it", async () => {
    const w = await world();
    const theirs = await post(w.engineer, w.item.id, "Off-topic rant");
    expect(await code(editComment(w.lead, { commentId: theirs.id, body: "Nicer words" }))).toBe("FORBIDDEN");
    const { comments } = await listComments(w.lead, { itemId: w.item.id });
    expect(comments[0]).toMatchObject({ canEdit: false, canDelete: true });
    await deleteComment(w.lead, { commentId: theirs.id });
    expect((await listComments(w.lead, { itemId: w.item.id })).comments).toEqual([]);
    // The row stays, emptied.
    expect(await db.comment.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ body: "", mentionedUserIds: [] });
    const [deleted] = await activitiesOf(w.teamId, "comment.deleted");
    expect(deleted).toMatchObject({ actorUserId: w.lead.userId, itemId: w.item.id, before: { excerpt: "Off-topic rant", authorName: w.engineer.name }, after: { moderated: true } });
    // Gone is gone: no second deletion, no edit.
    expect(await code(deleteComment(w.lead, { commentId: theirs.id }))).toBe("NOT_FOUND");
    expect(await code(editComment(w.engineer, { commentId: theirs.id, body: "Back" }))).toBe("NOT_FOUND");
  });

  it("refuses comments on an archived project's items", async () => {
    const w = await world();
    const comment = await post(w.engineer, w.item.id, "Before archiving");
    await archiveProject(w.lead, { projectId: w.projectId });
    expect(await code(post(w.engineer, w.item.id, "After"))).toBe("CONFLICT");
    expect(await code(editComment(w.engineer, { commentId: comment.id, body: "After" }))).toBe("CONFLICT");
    expect((await listComments(w.engineer, { itemId: w.item.id })).comments[0]).toMatchObject({ canEdit: false, canDelete: false });
  });
});

describe("comments: tenancy", () => {
  it("shows another team nothing of an item or a comment: not found, nothing changed", async () => {
    const w = await world();
    const { actors: [outsider] } = await teamWith(["ADMIN"]);
    const comment = await post(w.engineer, w.item.id, "Internal detail");
    expect(await code(listComments(outsider, { itemId: w.item.id }))).toBe("NOT_FOUND");
    expect(await code(listComments(outsider, { projectId: w.projectId, key: w.item.key }))).toBe("NOT_FOUND");
    expect(await code(post(outsider, w.item.id, "Hello"))).toBe("NOT_FOUND");
    expect(await code(editComment(outsider, { commentId: comment.id, body: "Mine now" }))).toBe("NOT_FOUND");
    expect(await code(deleteComment(outsider, { commentId: comment.id }))).toBe("NOT_FOUND");
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "Internal detail", deletedAt: null });
    expect(await db.comment.count({ where: { itemId: w.item.id } })).toBe(1);
  });
});

describe("comments: mentions", () => {
  it("mentions only members of the same team, by token or by typed address, and records them", async () => {
    const w = await world();
    const { actors: [outsider] } = await teamWith(["ENGINEER"]);
    const body = `${mentionToken({ id: w.lead.userId, name: "Old name" })} and ${mentionToken({ id: outsider.userId, name: outsider.name })}, cc @${w.viewer.email.toUpperCase()} and @${outsider.email}`;
    const comment = await post(w.engineer, w.item.id, body);
    expect(comment.body).toBe(`${tokenOf(w.lead)} and @${outsider.name}, cc ${tokenOf(w.viewer)} and @${outsider.email}`);
    expect(comment.mentions.map((m) => m.id)).toEqual([w.lead.userId, w.viewer.userId]);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.mentionedUserIds).toEqual([w.lead.userId, w.viewer.userId]);
    expect(stored.body).not.toContain(outsider.userId);

    // Editing resolves them again.
    const edited = await editComment(w.engineer, { commentId: comment.id, body: `Only @${w.admin.email} now` });
    expect(edited.comment.body).toBe(`Only ${tokenOf(w.admin)} now`);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).mentionedUserIds).toEqual([w.admin.userId]);
  });

  it("shows a mention of someone who has left as plain text, and keeps a departed author's name", async () => {
    const w = await world();
    const comment = await post(w.otherEngineer, w.item.id, `Over to @${w.engineer.email}`);
    await db.membership.deleteMany({ where: { teamId: w.teamId, userId: w.engineer.userId } });
    await deleteAccount(w.otherEngineer, { confirmEmail: w.otherEngineer.email });
    const [listed] = (await listComments(w.lead, { itemId: w.item.id })).comments;
    expect(listed).toMatchObject({ id: comment.id, authorName: w.otherEngineer.name, mentions: [] });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).authorId).toBeNull();
  });
});

describe("comments: activity and input", () => {
  it("records each change with a short excerpt, never the whole body", async () => {
    const w = await world();
    const long = `Checked ${tokenOf(w.lead)} ${"the headers again ".repeat(100)}`;
    const comment = await post(w.engineer, w.item.id, long);
    await editComment(w.engineer, { commentId: comment.id, body: "Short now" });
    await editComment(w.engineer, { commentId: comment.id, body: "Short now" });
    await deleteComment(w.engineer, { commentId: comment.id });
    const [added] = await activitiesOf(w.teamId, "comment.added");
    expect(added).toMatchObject({ projectId: w.projectId, itemId: w.item.id, entityType: "comment", entityId: comment.id, after: { mentioned: 1 } });
    const excerpt = (added.after as { excerpt: string }).excerpt;
    expect(excerpt.startsWith(`Checked @${w.lead.name} the headers again`)).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(120);
    // An unchanged text records nothing.
    expect(await activitiesOf(w.teamId, "comment.edited")).toHaveLength(1);
    expect((await activitiesOf(w.teamId, "comment.deleted"))[0].after).toEqual({ moderated: false });
  });

  it("answers bad input field by field and stores nothing", async () => {
    const w = await world();
    for (const body of ["", "   \n ", "x".repeat(10_001), "null\u0000byte", undefined]) {
      const error = await failure(post(w.engineer, w.item.id, body as string));
      expect(error.code).toBe("VALIDATION");
      expect(error.fields?.body?.length).toBeGreaterThan(0);
    }
    expect((await failure(post(w.engineer, w.item.id, "x".repeat(10_001)))).fields?.body).toEqual(["Use at most 10,000 characters."]);
    await post(w.engineer, w.item.id, "x".repeat(10_000));
    expect(await db.comment.count({ where: { itemId: w.item.id } })).toBe(1);
    expect((await failure(addComment(w.engineer, { body: "No item" }))).fields?.itemId).toBeDefined();
  });

  it("goes with its item and its project", async () => {
    const w = await world();
    await post(w.engineer, w.item.id, "On the item");
    const other = await itemByKey(w.projectId, "security.rate-limiting");
    await post(w.engineer, other.id, "On another item");
    await deleteItem(w.lead, { itemId: w.item.id });
    expect(await db.comment.count({ where: { itemId: w.item.id } })).toBe(0);
    await deleteProject(w.admin, { projectId: w.projectId, confirmName: "Checkout API" });
    expect(await db.comment.count({ where: { projectId: w.projectId } })).toBe(0);
  });
});

describe("comments through the API", () => {
  it("round-trips with write and read tokens: a token edits and deletes only what it posted", async () => {
    const w = await world();
    const write = await tokenFor(w.admin, "write", "CI bot");
    const read = await tokenFor(w.admin, "read", "Dashboard");
    const path = `/api/v1/projects/${w.projectId}/items/${w.item.key}/comments`;
    const person = await post(w.engineer, w.item.id, "A person's comment");

    const created = await callApi("POST", path, { token: write.secret, body: { body: `Deployed; @${w.lead.email} please verify` } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ author: "CI bot", body: `Deployed; ${tokenOf(w.lead)} please verify`, canEdit: true, canDelete: true });
    expect(created.body.mentions).toEqual([{ id: w.lead.userId, name: w.lead.name, email: w.lead.email }]);

    const listed = await callApi("GET", path, { token: read.secret });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { author: string }) => c.author)).toEqual([w.engineer.name, "CI bot"]);
    expect(listed.body.data.every((c: { canEdit: boolean }) => !c.canEdit)).toBe(true);

    expect((await callApi("POST", path, { token: read.secret, body: { body: "Hi" } })).status).toBe(403);
    const invalid = await callApi("POST", path, { token: write.secret, body: { body: "x".repeat(10_001) } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields.body).toEqual(["Use at most 10,000 characters."]);
    expect((await callApi("POST", path, { token: write.secret, body: { body: "Hi", extra: 1 } })).status).toBe(400);

    const patched = await callApi("PATCH", `/api/v1/comments/${created.body.id}`, { token: write.secret, body: { body: "Deployed and verified" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ body: "Deployed and verified", mentions: [] });
    expect(patched.body.editedAt).not.toBeNull();
    // Not the token's: a person's comment.
    expect((await callApi("PATCH", `/api/v1/comments/${person.id}`, { token: write.secret, body: { body: "Changed" } })).status).toBe(403);
    expect((await callApi("DELETE", `/api/v1/comments/${person.id}`, { token: write.secret })).status).toBe(403);
    expect((await callApi("DELETE", `/api/v1/comments/${created.body.id}`, { token: read.secret })).status).toBe(403);
    // Another team's token finds nothing.
    const { actors: [otherAdmin] } = await teamWith(["ADMIN"]);
    const stranger = await tokenFor(otherAdmin, "write");
    expect((await callApi("GET", path, { token: stranger.secret })).status).toBe(404);
    expect((await callApi("DELETE", `/api/v1/comments/${created.body.id}`, { token: stranger.secret })).status).toBe(404);

    expect((await callApi("DELETE", `/api/v1/comments/${created.body.id}`, { token: write.secret })).status).toBe(204);
    expect((await callApi("GET", path, { token: read.secret })).body.data.map((c: { id: string }) => c.id)).toEqual([person.id]);
    const [added] = await activitiesOf(w.teamId, "comment.added").then((list) => list.filter((a) => a.actorTokenId === write.id));
    expect(added.actorLabel).toBe("API token “CI bot”");
  });

  it("exercises every documented comment endpoint", () => {
    expect(notExercised(documentedOperations(["Comments"]))).toEqual([]);
  });
});
