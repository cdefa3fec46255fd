// Item discussions as a careless or hostile member, token or outsider uses
// them: every refusal is a 4xx that changes nothing.
import { describe, expect, it } from "vitest";
import { describeActivity } from "@/lib/domain/activity-text";
import { mentionToken } from "@/lib/domain/mentions";
import { db } from "@/lib/server/kernel/db";
import { addComment, deleteComment, editComment, listComments } from "@/lib/server/services/comments";
import { deleteItem } from "@/lib/server/services/items";
import { archiveProject } from "@/lib/server/services/projects";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, itemByKey } from "../support/readiness";

async function world() {
  const { teamId, actors: [admin, lead, engineer, otherEngineer] } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER"]);
  const projectId = await catalogueProject(lead);
  const item = await itemByKey(projectId, "security.headers");
  return { teamId, admin, lead, engineer, otherEngineer, projectId, item };
}

// Characters that change the direction of the text after them until the end of the line.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

describe("hostile comments", () => {
  it("keeps another's words: a lead deletes but never edits, a token never touches a person's, a deleted one stays deleted", async () => {
    const w = await world();
    const { comment } = await addComment(w.engineer, { itemId: w.item.id, body: "Mine" });
    expect(await code(editComment(w.lead, { commentId: comment.id, body: "Edited by lead" }))).toBe("FORBIDDEN");
    expect(await code(editComment(w.admin, { commentId: comment.id, body: "Edited by admin" }))).toBe("FORBIDDEN");
    expect(await code(editComment(w.otherEngineer, { commentId: comment.id, body: "Edited by peer" }))).toBe("FORBIDDEN");
    const write = await tokenFor(w.admin, "write");
    expect((await callApi("PATCH", `/api/v1/comments/${comment.id}`, { token: write.secret, body: { body: "By token" } })).status).toBe(403);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Mine");

    await deleteComment(w.lead, { commentId: comment.id });
    expect(await code(editComment(w.engineer, { commentId: comment.id, body: "Back again" }))).toBe("NOT_FOUND");
    expect(await code(deleteComment(w.engineer, { commentId: comment.id }))).toBe("NOT_FOUND");
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "", deletedAt: expect.any(Date) });
    expect(await activitiesOf(w.teamId, "comment.deleted")).toHaveLength(1);
    expect(await activitiesOf(w.teamId, "comment.edited")).toEqual([]);
  });

  it("finds nothing of another team's comments through the API", async () => {
    const w = await world();
    const other = await world();
    const { comment } = await addComment(other.engineer, { itemId: other.item.id, body: "Theirs" });
    const write = await tokenFor(w.admin, "write");
    expect((await callApi("PATCH", `/api/v1/comments/${comment.id}`, { token: write.secret, body: { body: "Mine now" } })).status).toBe(404);
    expect((await callApi("DELETE", `/api/v1/comments/${comment.id}`, { token: write.secret })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/projects/${other.projectId}/items/${other.item.key}/comments`, { token: write.secret })).status).toBe(404);
    expect((await callApi("POST", `/api/v1/projects/${other.projectId}/items/${other.item.key}/comments`, { token: write.secret, body: { body: "Hi" } })).status).toBe(404);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "Theirs", deletedAt: null });
  });

  it("mentions neither people of another team nor members who were removed", async () => {
    const w = await world();
    const { actors: [outsider] } = await teamWith(["ADMIN"]);
    await db.membership.delete({ where: { teamId_userId: { teamId: w.teamId, userId: w.otherEngineer.userId } } });
    const body = `${mentionToken({ id: outsider.userId, name: "Boss" })} ${mentionToken({ id: w.otherEngineer.userId, name: "Gone" })} @${outsider.email} @${w.otherEngineer.email}`;
    const { comment } = await addComment(w.engineer, { itemId: w.item.id, body });
    expect(comment.mentions).toEqual([]);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.mentionedUserIds).toEqual([]);
    expect(stored.body).not.toContain(outsider.userId);
    expect(stored.body).not.toContain(w.otherEngineer.userId);
  });

  it("answers bad bodies on the API with 400 and stores nothing", async () => {
    const w = await world();
    const write = await tokenFor(w.admin, "write");
    const path = `/api/v1/projects/${w.projectId}/items/${w.item.key}/comments`;
    for (const rawBody of ['{"body":"a\\u0000b"}', '{"body":"\\ud800"}', '{"body":"\\udc00 x"}', `{"body":"${"x".repeat(10_001)}"}`, '{"body":""}', '{"body":null}', '{"body":["x"]}', "[]", "{", '{"body":"\\u0007"}']) {
      const answer = await callApi("POST", path, { token: write.secret, rawBody, headers: { "content-type": "application/json" } });
      expect(answer.status, rawBody.slice(0, 40)).toBe(400);
    }
    expect(await db.comment.count({ where: { itemId: w.item.id } })).toBe(0);
  });

  it("keeps a direction override in a comment from turning the activity log's line around", async () => {
    const w = await world();
    const { comment } = await addComment(w.engineer, { itemId: w.item.id, body: "Looks fine \u202Egnp.exe\u202C and \u2067done" });
    // The comment keeps what was written; the one-line excerpt in the log carries no direction controls.
    expect(comment.body).toContain("\u202E");
    for (const action of ["comment.added"]) {
      const [record] = await activitiesOf(w.teamId, action);
      const line = describeActivity({ action: record.action, before: record.before as Record<string, unknown> | null, after: record.after as Record<string, unknown> });
      expect(line).not.toMatch(BIDI_CONTROLS);
      expect(line).toContain("gnp.exe");
    }
  });

  it("refuses every change on an archived project or a deleted item", async () => {
    const w = await world();
    const { comment } = await addComment(w.engineer, { itemId: w.item.id, body: "Before" });
    await archiveProject(w.lead, { projectId: w.projectId });
    expect(await code(addComment(w.engineer, { itemId: w.item.id, body: "After" }))).toBe("CONFLICT");
    expect(await code(editComment(w.engineer, { commentId: comment.id, body: "After" }))).toBe("CONFLICT");
    expect(await code(deleteComment(w.lead, { commentId: comment.id }))).toBe("CONFLICT");
    expect((await listComments(w.engineer, { itemId: w.item.id })).comments.map((c) => [c.body, c.canEdit, c.canDelete])).toEqual([["Before", false, false]]);

    const open = await catalogueProject(w.lead, ["testing"], "Open");
    const item = await db.item.findFirstOrThrow({ where: { projectId: open } });
    const posted = await addComment(w.engineer, { itemId: item.id, body: "On a doomed item" });
    await deleteItem(w.lead, { itemId: item.id });
    expect(await code(addComment(w.engineer, { itemId: item.id, body: "Too late" }))).toBe("NOT_FOUND");
    expect(await code(editComment(w.engineer, { commentId: posted.comment.id, body: "Too late" }))).toBe("NOT_FOUND");
    expect(await code(listComments(w.engineer, { itemId: item.id }))).toBe("NOT_FOUND");
  });
});
