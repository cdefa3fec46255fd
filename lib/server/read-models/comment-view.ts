import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/server/kernel/actor";

// What a client sees of a comment: never the row. Built from commentViewSelect.
export type CommentView = {
  id: string;
  itemId: string;
  /** Markdown; a mention is the token `@[Name](user:<id>)` (lib/domain/mentions.ts). */
  body: string;
  /** The author as shown: a person's current name, else the name it was posted under (a token's, the CLI's, a person who left). */
  authorName: string;
  /** The people mentioned who are members of the team now, with their current names. */
  mentions: { id: string; name: string; email: string }[];
  createdAt: string;
  editedAt: string | null;
  /** What the actor reading it may do to it. */
  canEdit: boolean;
  canDelete: boolean;
};

export const commentViewSelect = {
  id: true,
  itemId: true,
  body: true,
  authorId: true,
  authorTokenId: true,
  authorName: true,
  mentionedUserIds: true,
  createdAt: true,
  editedAt: true,
  author: { select: { name: true } },
} satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentViewSelect }>;

/** Is `comment` the actor's own: a person's, or the token's that posted it. */
export function isOwnComment(actor: Actor, comment: { authorId: string | null; authorTokenId: string | null }): boolean {
  if (actor.kind === "user") return comment.authorId === actor.userId;
  if (actor.kind === "token") return comment.authorTokenId === actor.tokenId;
  return false;
}

/**
 * The comment as `actor` sees it. `members` are the team's current members by
 * id (mentions of anyone else are shown as plain text); `may` says what the
 * actor may do to it.
 */
export function toCommentView(row: CommentRow, members: ReadonlyMap<string, { name: string; email: string }>, may: { edit: boolean; delete: boolean }): CommentView {
  return {
    id: row.id,
    itemId: row.itemId,
    body: row.body,
    authorName: row.author?.name ?? row.authorName,
    mentions: row.mentionedUserIds.flatMap((id) => {
      const member = members.get(id);
      return member ? [{ id, name: member.name, email: member.email }] : [];
    }),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    canEdit: may.edit,
    canDelete: may.delete,
  };
}
