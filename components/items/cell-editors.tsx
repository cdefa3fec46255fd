"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";

// The editors a checklist cell turns into, one at a time. Each saves on Enter
// (or, for a mouse pick in a list, at once), cancels on Escape, and saves
// what was typed when focus leaves. `commit(value, refocus)`: `refocus` says
// whether focus goes back to the cell (not when the person clicked away).

export type Commit = (value: string, refocus: boolean) => void;

const editorClass =
  "min-w-0 rounded-md border-0 bg-white py-1 text-sm text-slate-900 ring-2 ring-inset ring-indigo-600 focus:outline-none";

type Option = { value: string; label: string; disabled?: boolean };

/**
 * A list of choices. Arrow keys only move the choice (a closed select would
 * otherwise save on every arrow press); Enter saves it. A pick with the mouse
 * saves at once.
 */
export function SelectEditor({ label, value, options, openedBy, commit, cancel, className }: {
  label: string;
  className?: string;
  value: string;
  options: Option[];
  openedBy: "keyboard" | "mouse";
  commit: Commit;
  cancel: () => void;
}) {
  const [draft, setDraft] = useState(value);
  const byKey = useRef(false);
  const done = useRef(false);
  const ref = useRef<HTMLSelectElement>(null);
  const finish = (run: () => void) => {
    if (done.current) return;
    done.current = true;
    run();
  };
  useEffect(() => {
    const select = ref.current;
    select?.focus();
    // A click opened the editor: show the choices without a second click.
    if (openedBy === "mouse") {
      try {
        select?.showPicker();
      } catch {
        // No picker API or no user activation: the select is focused anyway.
      }
    }
  }, [openedBy]);
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      finish(() => commit(draft, true));
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      finish(cancel);
    } else if (event.key !== "Tab") {
      byKey.current = true;
    }
  };
  return (
    <select
      ref={ref}
      aria-label={label}
      value={draft}
      onKeyDown={onKeyDown}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        if (!byKey.current) finish(() => commit(next, true));
        byKey.current = false;
      }}
      onBlur={() => finish(() => commit(draft, false))}
      className={`${editorClass} pl-2 pr-7 ${className ?? ""}`}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** A date or a number of hours, typed. */
export function InputEditor({ label, value, type, commit, cancel, className }: {
  label: string;
  className?: string;
  value: string;
  type: "date" | "number";
  commit: Commit;
  cancel: () => void;
}) {
  const [draft, setDraft] = useState(value);
  const done = useRef(false);
  const finish = (run: () => void) => {
    if (done.current) return;
    done.current = true;
    run();
  };
  return (
    <input
      autoFocus
      aria-label={label}
      type={type}
      step={type === "number" ? "0.25" : undefined}
      min={type === "number" ? 0 : undefined}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          finish(() => commit(draft, true));
        } else if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          finish(cancel);
        }
      }}
      onBlur={() => finish(() => commit(draft, false))}
      className={`${editorClass} px-2 ${type === "number" ? "w-20" : "w-36"} ${className ?? ""}`}
    />
  );
}

/** Why an item does not apply: asked before it is marked N/A. */
export function ReasonEditor({ title, commit, cancel }: { title: string; commit: (reason: string) => void; cancel: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="col-span-full flex basis-full flex-wrap items-end gap-2 md:pl-7"
      aria-label={`Why ${title} does not apply`}
      onSubmit={(event) => {
        event.preventDefault();
        commit(reason);
      }}
    >
      <label className="min-w-0 flex-1 basis-64 text-xs text-slate-600">
        Why does this not apply?
        <input
          autoFocus
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }
          }}
          className="mt-0.5 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        />
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-2.5 py-1.5 text-xs font-semibold text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2">
        Mark N/A
      </button>
      <button type="button" onClick={cancel} className="rounded-md px-2.5 py-1.5 text-xs font-semibold text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
        Cancel
      </button>
    </form>
  );
}
