"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ItemView } from "@/lib/server/read-models/item-view";
import { useItemEditor } from "./use-item-editor";

export function NotesEditor({ item: initial, canEdit, rendered }: { item: ItemView; canEdit: boolean; rendered: React.ReactNode }) {
  const { item, notice, pending, save, retry } = useItemEditor(initial);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.notes);
  const stillEditing = editing;
  return (
    <div>
      {stillEditing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save({ notes: draft });
            setEditing(false);
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
            <Button type="button" size="sm" variant="ghost" onClick={() => { setDraft(item.notes); setEditing(false); }}>Cancel</Button>
          </div>
        </form>
      ) : (
        <>
          {item.notes ? rendered : <p className="text-sm text-slate-500">No notes yet.</p>}
          {canEdit && (
            <button type="button" onClick={() => { setDraft(notice?.retry ? String(notice.retry.notes ?? item.notes) : item.notes); setEditing(true); }} className="mt-2 text-sm font-medium text-indigo-600 hover:underline">
              {item.notes ? "Edit notes" : "Add notes"}
            </button>
          )}
        </>
      )}
      {notice && (
        <div role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {notice.message}
          {notice.tone === "conflict" && (
            <button type="button" onClick={retry} className="ml-2 font-semibold underline">Save my notes anyway</button>
          )}
        </div>
      )}
    </div>
  );
}
