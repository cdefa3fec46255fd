"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { mentionTokens, type Mentionable } from "@/lib/domain/mentions";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/lib/server/actions/comments";
import type { ActionResult } from "@/lib/server/actions/action-result";
import type { CommentView } from "@/lib/server/read-models/comment-view";
import { CommentComposer, type ComposerHandle } from "./comment-composer";
import { CommentEntry } from "./comment-entry";

type Props = {
  itemId: string;
  comments: CommentView[];
  members: Mentionable[];
  /** The viewer's name, shown on a comment while it is being sent. */
  viewerName: string;
  canComment: boolean;
};

// A failed action's message for a field, or for the whole form.
const bodyErrors = (result: ActionResult<unknown>): string[] | undefined =>
  result.ok ? undefined : (result.error.fields?.body ?? [result.error.message]);

/**
 * An item's discussion: its comments oldest first and a composer. A new
 * comment shows at once while it is sent; the server's copy (its mentions
 * resolved) then replaces it, and the page's own list wins on every refresh.
 */
export function Discussion({ itemId, comments: initial, members, viewerName, canComment }: Props) {
  const [comments, setComments] = useState(initial);
  const [seen, setSeen] = useState(initial);
  // The page re-rendered with the server's list: it is the truth.
  if (seen !== initial) {
    setSeen(initial);
    setComments(initial);
  }
  const [pending, setPending] = useState<CommentView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [status, setStatus] = useState("");
  // A deletion that was refused (its comment shows no editor to say so).
  const [notice, setNotice] = useState<string | null>(null);
  const composer = useRef<ComposerHandle>(null);

  const add = async (body: string): Promise<boolean> => {
    setBusy("new");
    setErrors({});
    // Shown while it is sent, with the mentions of members the composer inserted.
    const ids = new Set(mentionTokens(body).map((token) => token.id));
    setPending({
      id: "pending",
      itemId,
      body,
      authorName: viewerName,
      mentions: members.filter((member) => ids.has(member.id)),
      createdAt: new Date().toISOString(),
      editedAt: null,
      canEdit: false,
      canDelete: false,
    });
    const result = await addCommentAction(itemId, body);
    setPending(null);
    setBusy(null);
    if (!result.ok) {
      setErrors({ new: bodyErrors(result) });
      composer.current?.focus();
      return false;
    }
    const added = result.data.comment;
    setComments((list) => (list.some((comment) => comment.id === added.id) ? list : [...list, added]));
    setStatus("Comment posted.");
    composer.current?.focus();
    return true;
  };

  const edit = (id: string) => async (body: string): Promise<boolean> => {
    setBusy(id);
    setErrors({});
    const result = await editCommentAction(id, body);
    setBusy(null);
    if (!result.ok) {
      setErrors({ [id]: bodyErrors(result) });
      return false;
    }
    setComments((list) => list.map((comment) => (comment.id === id ? result.data.comment : comment)));
    setStatus("Comment saved.");
    return true;
  };

  const remove = (id: string) => async (): Promise<boolean> => {
    setBusy(id);
    setErrors({});
    setNotice(null);
    const result = await deleteCommentAction(id);
    setBusy(null);
    if (!result.ok) {
      setNotice(result.error.message);
      return false;
    }
    setComments((list) => list.filter((comment) => comment.id !== id));
    setStatus("Comment deleted.");
    composer.current?.focus();
    return true;
  };

  const shown = pending ? [...comments, pending] : comments;
  return (
    <div className="space-y-4">
      {shown.length === 0 ? (
        <p className="text-sm text-slate-500">No comments yet.{canComment ? " Start the discussion below." : ""}</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Comments">
          {shown.map((comment) => (
            <CommentEntry
              key={comment.id}
              comment={comment}
              members={members}
              pending={comment === pending}
              busy={busy !== null}
              errors={errors[comment.id]}
              onEdit={edit(comment.id)}
              onDelete={remove(comment.id)}
            />
          ))}
        </ol>
      )}
      {notice && <Alert tone="error">{notice}</Alert>}
      <p role="status" className="sr-only">
        {status}
      </p>
      {canComment && (
        <CommentComposer ref={composer} label="Add a comment" members={members} submitLabel="Comment" busy={busy === "new"} errors={errors.new} onSubmit={add} />
      )}
    </div>
  );
}
