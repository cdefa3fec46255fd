"use client";

import { forwardRef, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { insertMention, matchMembers, mentionQueryAt, type Mentionable } from "@/lib/domain/mentions";
import { COMMENT_MAX_LENGTH } from "@/lib/schemas/comment";

type Props = {
  label: string;
  members: Mentionable[];
  initialBody?: string;
  submitLabel: string;
  busy: boolean;
  errors?: string[];
  /** Sends the text; resolves true when it was accepted (the composer then empties, unless editing). */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  /** Keep the text after a success (editing closes the composer instead). */
  keepAfterSubmit?: boolean;
  /** Take the focus when shown (an editor opened by its button). */
  autoFocus?: boolean;
};

export type ComposerHandle = { focus: () => void };

/**
 * A Markdown textarea that offers team members when "@" is typed: the
 * combobox pattern (the textarea controls a listbox; arrows move through it,
 * Enter or Tab picks, Escape closes), inserting the member's mention token.
 * Ctrl/Cmd+Enter sends.
 */
export const CommentComposer = forwardRef<ComposerHandle, Props>(function CommentComposer(
  { label, members, initialBody = "", submitLabel, busy, errors, onSubmit, onCancel, keepAfterSubmit, autoFocus },
  ref,
) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  const [typed, setTyped] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  useImperativeHandle(ref, () => ({ focus: () => textarea.current?.focus() }), []);

  const options = typed ? matchMembers(members, typed.query) : [];
  const open = options.length > 0;
  const listId = `${id}-members`;
  const optionId = (index: number) => `${id}-member-${index}`;

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setTyped(next);
    if (next?.query !== typed?.query) setActive(0);
  };

  const pick = (member: Mentionable) => {
    const element = textarea.current;
    if (!element || !typed) return;
    const { text, caret } = insertMention(body, typed.start, element.selectionStart, member);
    setBody(text);
    setTyped(null);
    // The caret goes after the chip's token once React has written the text.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(caret, caret);
    });
  };

  const submit = async () => {
    if (busy || body.trim() === "") return;
    const accepted = await onSubmit(body);
    if (accepted && !keepAfterSubmit) setBody("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((index) => (index + step + options.length) % options.length);
        return;
      }
      if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
        event.preventDefault();
        pick(options[Math.min(active, options.length - 1)]);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setTyped(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={textarea}
          id={id}
          name="body"
          rows={3}
          autoFocus={autoFocus}
          value={body}
          maxLength={COMMENT_MAX_LENGTH}
          role="combobox"
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? optionId(Math.min(active, options.length - 1)) : undefined}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? errorId : hintId}
          className="block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500"
          placeholder="Write in Markdown; type @ to mention someone."
          onChange={(event) => {
            setBody(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setTyped(null)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Team members"
          hidden={!open}
          className="absolute left-2 top-full z-20 mt-1 max-h-64 w-72 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          {options.map((member, index) => (
            <li
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Mouse down, not click: the textarea keeps focus (its blur would close the list first).
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
              className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-indigo-600 text-white" : "text-slate-900"}`}
            >
              <span className="font-medium">{member.name}</span> <span className={index === active ? "text-indigo-100" : "text-slate-500"}>{member.email}</span>
            </li>
          ))}
        </ul>
      </div>
      {errors?.length ? (
        <p id={errorId} className="text-xs font-medium text-red-600">
          {errors.join(" ")}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-slate-500">
          Markdown. Ctrl+Enter (⌘+Enter) to send.
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={busy || body.trim() === ""}>
          {busy ? "Sending…" : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
});
