import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { commentExcerpt, resolveMentions, type Mentionable } from "@/lib/domain/mentions";
import { addCommentInput, deleteCommentInput, editCommentInput, listCommentsInput } from "@/lib/schemas/comment";
import { actorLabel, actorTokenId, actorUserId, type Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { forbidden, notFound, parseInput } from "@/lib/server/kernel/errors";
import { authorize, permits } from "@/lib/server/kernel/gate";
import { assertEditable, itemInTeam } from "@/lib/server/kernel/tenancy";
import { commentViewSelect, isOwnComment, toCommentView, type CommentRow, type CommentView } from "@/lib/server/read-models/comment-view";
import { notifyComment } from "@/lib/server/notifications/emitters";
import { recordProjectChange } from "./activity";

// An item's discussion: Markdown comments with mentions of team members
// (lib/domain/mentions.ts). Anyone who reads the project reads it; engineers,
// leads, admins, write tokens and the CLI write in it; only the author edits
// a comment (a person, or the token that posted it), and a lead or admin may
// delete anyone's (moderation) but edits no one's. Every change is in the
// activity log with a short excerpt, never the whole body.

type Tx = Prisma.TransactionClient;

/** Where a comment is, for the caller to refresh, and the comment as the actor sees it. */
export type CommentResult = { projectId: string; itemId: string; comment: CommentView };

/** An item's discussion, oldest first, and the members a new comment may mention. */
export type Discussion = { projectId: string; itemId: string; comments: CommentView[]; members: Mentionable[] };

// The team's current members: whom a mention may name, and the names shown for mentions.
async function teamMembers(client: Tx | typeof db, teamId: string): Promise<Mentionable[]> {
  const rows = await client.membership.findMany({
    where: { teamId },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map(({ user }) => user);
}

const byId = (members: Mentionable[]) => new Map(members.map((member) => [member.id, member]));

// What the actor may do to a comment, in a project that is (not) archived.
function allowed(actor: Actor, row: CommentRow, archived: boolean) {
  if (archived) return { edit: false, delete: false };
  const own = isOwnComment(actor, row);
  return {
    edit: own && permits(actor, "comment.editOwn"),
    delete: (own && permits(actor, "comment.deleteOwn")) || permits(actor, "comment.deleteAny"),
  };
}

// The name a comment is posted under: a person's or a token's own name, else the actor's label (the CLI).
const authorNameOf = (actor: Actor) => (actor.kind === "user" || actor.kind === "token" ? actor.name : actorLabel(actor));

/**
 * An item's comments, oldest first, without deleted ones. Input
 * (listCommentsInput): the item by `itemId`, or by `projectId` and `key`.
 * Errors: VALIDATION, FORBIDDEN, NOT_FOUND (no such item in the actor's team).
 */
export async function listComments(actor: Actor, input: unknown): Promise<Discussion> {
  authorize(actor, "project.read");
  const ref = parseInput(listCommentsInput, input);
  const item = await db.item.findFirst({
    where: { teamId: actor.teamId, ...(ref.itemId ? { id: ref.itemId } : { projectId: ref.projectId, key: ref.key }) },
    select: { id: true, projectId: true, project: { select: { archivedAt: true } } },
  });
  if (!item) throw notFound("Item");
  const [rows, members] = await Promise.all([
    db.comment.findMany({
      where: { teamId: actor.teamId, itemId: item.id, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: commentViewSelect,
    }),
    teamMembers(db, actor.teamId),
  ]);
  const names = byId(members);
  const archived = item.project.archivedAt !== null;
  return {
    projectId: item.projectId,
    itemId: item.id,
    comments: rows.map((row) => toCommentView(row, names, allowed(actor, row, archived))),
    members,
  };
}

/**
 * Posts a comment. Input (addCommentInput): the item by `itemId`, or by
 * `projectId` and `key`; `body`, Markdown of 1 to 10,000 characters. Mentions
 * resolve only to members of the actor's team; any other is kept as plain
 * text. Returns the comment as the actor sees it.
 * Errors: VALIDATION (field-level, `body`), FORBIDDEN, NOT_FOUND, CONFLICT (archived project).
 */
export async function addComment(actor: Actor, input: unknown): Promise<CommentResult> {
  authorize(actor, "comment.create");
  const { body, ...ref } = parseInput(addCommentInput, input);
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, ref);
    const members = await teamMembers(tx, actor.teamId);
    const resolved = resolveMentions(body, members);
    const row = await tx.comment.create({
      data: {
        teamId: actor.teamId,
        projectId: item.projectId,
        itemId: item.id,
        authorId: actorUserId(actor),
        authorTokenId: actorTokenId(actor),
        authorName: authorNameOf(actor),
        body: resolved.body,
        // Recorded for notifications to read: who this comment mentions.
        mentionedUserIds: resolved.mentionedUserIds,
      },
      select: commentViewSelect,
    });
    await recordProjectChange(tx, actor, {
      action: "comment.added",
      entityType: "comment",
      entityId: row.id,
      projectId: item.projectId,
      itemId: item.id,
      after: { excerpt: commentExcerpt(resolved.body), mentioned: resolved.mentionedUserIds.length },
    });
    await notifyComment(tx, actor, { itemId: item.id, commentId: row.id, mentioned: resolved.mentionedUserIds, isNew: true });
    return { projectId: item.projectId, itemId: item.id, comment: toCommentView(row, byId(members), allowed(actor, row, false)) };
  });
}

// The comment, locked for the change, with its project's state. NOT_FOUND
// for another team's comment, a deleted one, or none.
async function commentForChange(tx: Tx, actor: Actor, commentId: string) {
  await tx.$queryRaw`SELECT id FROM comment WHERE id = ${commentId} AND "teamId" = ${actor.teamId} FOR UPDATE`;
  const comment = await tx.comment.findFirst({
    where: { id: commentId, teamId: actor.teamId, deletedAt: null },
    select: { ...commentViewSelect, projectId: true, item: { select: { project: { select: { archivedAt: true } } } } },
  });
  if (!comment) throw notFound("Comment");
  return comment;
}

/**
 * Changes the text of a comment of one's own. Input (editCommentInput):
 * `commentId`, `body`. Mentions are resolved again. An unchanged text changes
 * and records nothing. Errors: VALIDATION (`body`), FORBIDDEN (not the
 * author: nobody edits another's words, leads and admins included),
 * NOT_FOUND, CONFLICT (archived project).
 */
export async function editComment(actor: Actor, input: unknown): Promise<CommentResult> {
  authorize(actor, "comment.editOwn");
  const { commentId, body } = parseInput(editCommentInput, input);
  return db.$transaction(async (tx) => {
    const comment = await commentForChange(tx, actor, commentId);
    if (!isOwnComment(actor, comment)) throw forbidden("You can only edit your own comments.");
    assertEditable(comment.item.project);
    const members = await teamMembers(tx, actor.teamId);
    const resolved = resolveMentions(body, members);
    const result = (row: CommentRow) => ({ projectId: comment.projectId, itemId: comment.itemId, comment: toCommentView(row, byId(members), allowed(actor, row, false)) });
    if (resolved.body === comment.body) return result(comment);
    const row = await tx.comment.update({
      where: { id: comment.id },
      data: { body: resolved.body, mentionedUserIds: resolved.mentionedUserIds, editedAt: new Date() },
      select: commentViewSelect,
    });
    await recordProjectChange(tx, actor, {
      action: "comment.edited",
      entityType: "comment",
      entityId: comment.id,
      projectId: comment.projectId,
      itemId: comment.itemId,
      before: { excerpt: commentExcerpt(comment.body) },
      after: { excerpt: commentExcerpt(resolved.body), mentioned: resolved.mentionedUserIds.length },
    });
    // Only those the edit newly mentions hear of it.
    await notifyComment(tx, actor, { itemId: comment.itemId, commentId: comment.id, mentioned: resolved.mentionedUserIds, previouslyMentioned: comment.mentionedUserIds, isNew: false });
    return result(row);
  });
}

/**
 * Deletes a comment: one's own, or, for a lead, an admin or the CLI, anyone's
 * (moderation, recorded as such). The row stays, emptied, so that what points
 * at it later still finds it; it is no longer listed. Input
 * (deleteCommentInput): `commentId`. Returns where it was.
 * Errors: FORBIDDEN, NOT_FOUND, CONFLICT (archived project).
 */
export async function deleteComment(actor: Actor, input: unknown): Promise<{ projectId: string; itemId: string }> {
  // Asked first of the rule that lets most actors through, so that a refusal
  // says why in the actor's words (a read token: it only reads).
  if (!permits(actor, "comment.deleteAny")) authorize(actor, "comment.deleteOwn");
  const { commentId } = parseInput(deleteCommentInput, input);
  return db.$transaction(async (tx) => {
    const comment = await commentForChange(tx, actor, commentId);
    const own = isOwnComment(actor, comment);
    if (!(own && permits(actor, "comment.deleteOwn")) && !permits(actor, "comment.deleteAny")) throw forbidden("You can only delete your own comments.");
    assertEditable(comment.item.project);
    await tx.comment.update({ where: { id: comment.id }, data: { body: "", mentionedUserIds: [], deletedAt: new Date() } });
    await recordProjectChange(tx, actor, {
      action: "comment.deleted",
      entityType: "comment",
      entityId: comment.id,
      projectId: comment.projectId,
      itemId: comment.itemId,
      before: { excerpt: commentExcerpt(comment.body), authorName: comment.author?.name ?? comment.authorName },
      after: { moderated: !own },
    });
    return { projectId: comment.projectId, itemId: comment.itemId };
  });
}
