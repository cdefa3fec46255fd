"use server";

import { addComment, deleteComment, editComment } from "@/lib/server/services/comments";
import { defineAction } from "./define-action";
import { itemPages } from "./pages";

// The item page shows the discussion; the project's pages show its activity.
const refresh = ({ projectId, itemId }: { projectId: string; itemId: string }) => itemPages(projectId, itemId);

export const addCommentAction = defineAction({
  run: (actor, itemId: string, body: string) => addComment(actor, { itemId, body }),
  revalidate: refresh,
});

export const editCommentAction = defineAction({
  run: (actor, commentId: string, body: string) => editComment(actor, { commentId, body }),
  revalidate: refresh,
});

export const deleteCommentAction = defineAction({
  run: (actor, commentId: string) => deleteComment(actor, { commentId }),
  revalidate: refresh,
});
