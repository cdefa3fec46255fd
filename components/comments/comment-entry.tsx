"use client";

import { useRef, useState } from "react";
import { Markdown } from "@/components/items/markdown";
import { RelativeMoment } from "@/components/time/relative-moment";
import { Button } from "@/components/ui/button";
import type { Mentionable } from "@/lib/domain/mentions";
import type { CommentView } from "@/lib/server/read-models/comment-view";
import { CommentComposer } from "./comment-composer";

type Props = {
  comment: CommentView;
  members: Mentionable[];
  /** Not yet confirmed by the server (an optimistic copy). */
  pending?: boolean;
  busy: boolean;
  errors?: string[];
  onEdit: (body: string) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
};

/** One comment: author, when, "edited", the Markdown with mention chips; edit and delete for who may. */
export function CommentEntry({ comment, members, pending, busy, errors, onEdit, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The edit and delete buttons, to return focus to when an editor or a confirmation closes.
  const actions = useRef<HTMLDivElement>(null);
  const focusAction = (name: string) => requestAnimationFrame(() => actions.current?.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`)?.focus());
  const names = new Map(comment.mentions.map((mention) => [mention.id, mention.name]));
  const headingId = `comment-${comment.id}-by`;

  const closeEditor = () => {
    setEditing(false);
    focusAction("edit");
  };

  return (
    <li className="py-3" data-testid="comment" aria-labelledby={headingId} aria-busy={pending || undefined}>
      <article>
        <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span id={headingId} className="font-semibold text-slate-900">
            {comment.authorName}
          </span>
          {pending ? <span className="text-xs text-slate-500">Sending…</span> : <RelativeMoment iso={comment.createdAt} className="text-xs text-slate-500" />}
          {comment.editedAt && (
            <span className="text-xs text-slate-500" title={`Edited ${new Date(comment.editedAt).toLocaleString()}`}>
              (edited)
            </span>
          )}
        </header>
        {editing ? (
          <div className="mt-2">
            <CommentComposer
              label="Edit your comment"
              members={members}
              initialBody={comment.body}
              submitLabel="Save"
              busy={busy}
              errors={errors}
              keepAfterSubmit
              autoFocus
              onSubmit={async (body) => {
                const saved = await onEdit(body);
                if (saved) closeEditor();
                return saved;
              }}
              onCancel={closeEditor}
            />
          </div>
        ) : (
          <div className="mt-1">
            <Markdown mentions={names}>{comment.body}</Markdown>
          </div>
        )}
        {!pending && !editing && (comment.canEdit || comment.canDelete) && (
          <div ref={actions} className="mt-1 flex flex-wrap items-center gap-2">
            {comment.canEdit && (
              <Button data-action="edit" size="sm" variant="ghost" disabled={busy} onClick={() => setEditing(true)} aria-describedby={headingId}>
                Edit
              </Button>
            )}
            {comment.canDelete &&
              (confirming ? (
                <span role="group" aria-label="Confirm deletion" className="flex items-center gap-2 text-sm">
                  Delete this comment?
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={busy}
                    autoFocus
                    onClick={async () => {
                      const deleted = await onDelete();
                      if (!deleted) setConfirming(false);
                    }}
                  >
                    Delete
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => {
                      setConfirming(false);
                      focusAction("delete");
                    }}
                  >
                    Keep
                  </Button>
                </span>
              ) : (
                <Button data-action="delete" size="sm" variant="ghost" disabled={busy} onClick={() => setConfirming(true)} aria-describedby={headingId}>
                  Delete
                </Button>
              ))}
          </div>
        )}
      </article>
    </li>
  );
}
