import { z } from "zod";
import { id, multilineString } from "./fields";
import { itemReference, NAMES_AN_ITEM } from "./item";

/** The longest comment, in characters (UTF-16 code units, as the form counts them). */
export const COMMENT_MAX_LENGTH = 10_000;

// A comment's Markdown. Mentions are tokens (lib/domain/mentions.ts) that the
// service resolves; the limit applies to what was written.
export const commentBody = multilineString({ error: "Write a comment." })
  .trim()
  .min(1, "Write a comment.")
  .max(COMMENT_MAX_LENGTH, `Use at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`);

/** An item's discussion: the item by id (the app) or by project and key (the API). */
export const listCommentsInput = z.object({ ...itemReference }).refine(...NAMES_AN_ITEM);

/** A new comment on an item. */
export const addCommentInput = z.object({ ...itemReference, body: commentBody }).refine(...NAMES_AN_ITEM);

/** A new text for a comment of one's own. */
export const editCommentInput = z.object({ commentId: id, body: commentBody });

/** A comment to delete: one's own, or anyone's for a lead or admin. */
export const deleteCommentInput = z.object({ commentId: id });
