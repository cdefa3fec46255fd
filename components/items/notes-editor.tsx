"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ItemView } from "@/lib/server/read-models/item-view";
import { ConflictNotice } from "./conflict-notice";
import { useItemEditor } from "./use-item-editor";

export function NotesEditor({ item: initial, canEdit, rendered }: { item: ItemView; canEdit: boolean; rendered: React.ReactNode }) {
  const { item, notice, pending, save, dismiss } = useItemEditor(initial);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.notes);
  // The editor closes only once the notes are saved: on a conflict it stays
  // open with the user's text, next to the notes as they are now.
  const saveDraft = () => save({ notes: draft }, { onSaved: () => setEditing(false) });
  const discard = () => {
    dismiss();
    setDraft(item.notes);
    setEditing(false);
  };
  return (
    <div>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            saveDraft();
          }}
          className="space-y-2"
        >
          <label htmlFor="notes" className="sr-only">Notes</label>
          <textarea
            id="notes"
            rows={8}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            placeholder="Markdown: **bold**, lists, `code`, [links](https://…)"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>Save notes</Button>
            <Button type="button" size="sm" variant="ghost" onClick={discard}>Cancel</Button>
          </div>
        </form>
      ) : (
        <>
          {item.notes ? rendered : <p className="text-sm text-slate-500">No notes yet.</p>}
          {canEdit && (
            <button type="button" onClick={() => { setDraft(item.notes); setEditing(true); }} className="mt-2 text-sm font-medium text-indigo-600 hover:underline">
              {item.notes ? "Edit notes" : "Add notes"}
            </button>
          )}
        </>
      )}
      {notice?.tone === "conflict" && (
        <ConflictNotice changes={notice.changes} mine={{ notes: draft }} onApply={saveDraft} onKeepTheirs={discard} applyLabel="Save my notes anyway" keepLabel="Discard mine">
          <details className="mt-2">
            <summary className="cursor-pointer text-xs font-semibold">The notes as they are now</summary>
            <pre data-testid="current-notes" className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-white/70 p-2 font-mono text-xs text-slate-800">{item.notes || "(empty)"}</pre>
          </details>
        </ConflictNotice>
      )}
      {notice && notice.tone !== "conflict" && (
        <div role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {notice.message}
        </div>
      )}
    </div>
  );
}
