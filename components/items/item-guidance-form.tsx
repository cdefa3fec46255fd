"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { deleteItemAction, reorderItemAction } from "@/lib/server/actions/items";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";

import type { ItemView } from "@/lib/server/read-models/item-view";
import { ConflictNotice } from "./conflict-notice";
import { useItemEditor } from "./use-item-editor";

const FIELDS = ["title", "why", "howToVerify", "categoryId"] as const;

// For leads: what the item is (title, guidance, category), its place, and deleting it.
export function ItemGuidanceForm({ item: initial, categories }: { item: ItemView; categories: { id: string; name: string }[] }) {
  const { item, notice, pending, save, shown, dismiss } = useItemEditor(initial);
  const formRef = useRef<HTMLFormElement>(null);
  // What each field was last drawn with: a field the person has not touched
  // follows the item when someone (or the row above) saves a new version; a
  // field they are typing in keeps their text. "Keep theirs" after a
  // conflict draws every field afresh.
  const drawn = useRef<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const lastTone = useRef(notice?.tone);
  useEffect(() => {
    const form = formRef.current;
    const keptTheirs = lastTone.current === "conflict" && notice?.tone !== "conflict";
    lastTone.current = notice?.tone;
    if (!form) return;
    for (const field of FIELDS) {
      const element = form.elements.namedItem(field) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      const next = String(shown(field) ?? "");
      const untouched = drawn.current[field] === undefined || element?.value === drawn.current[field];
      if (element && (keptTheirs || untouched)) element.value = next;
      drawn.current[field] = next;
    }
  }, [item.version, notice?.tone, shown]);
  const [confirming, setConfirming] = useState(false);
  const [busy, start] = useTransition();
  const errors = notice?.tone === "error" ? [notice.message] : undefined;
  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        className="space-y-3"
        aria-label="Edit item"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const changes = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
          const changed = Object.fromEntries(Object.entries(changes).filter(([field, value]) => value !== String(item[field as keyof ItemView] ?? "")));
          if (Object.keys(changed).length > 0) save(changed);
        }}
      >
        {notice?.tone === "conflict" && (
          <ConflictNotice
            changes={notice.changes}
            mine={notice.retry}
            names={{ categories: Object.fromEntries(categories.map((c) => [c.id, c.name])) }}
            // What the form holds now, which the user may have edited further.
            onApply={() => formRef.current?.requestSubmit()}
            onKeepTheirs={dismiss}
          />
        )}
        {notice && notice.tone !== "conflict" && <Alert tone="error">{notice.message}</Alert>}
        <TextField name="title" id="item-title" label="Title" defaultValue={shown("title")} errors={errors} />
        <TextAreaField name="why" id="item-why" label="Why it matters" rows={2} defaultValue={shown("why")} />
        <TextAreaField name="howToVerify" id="item-verify" label="How to verify" rows={2} defaultValue={shown("howToVerify")} />
        <SelectField name="categoryId" id="item-category" label="Category" defaultValue={shown("categoryId")} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        <Button type="submit" size="sm" disabled={pending}>{pending ? "Saving…" : "Save item"}</Button>
      </form>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => start(async () => void (await reorderItemAction(item.id, "up")))}>Move up</Button>
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => start(async () => void (await reorderItemAction(item.id, "down")))}>Move down</Button>
        {confirming ? (
          <span className="flex items-center gap-2 text-sm">
            Delete “{item.title}” with its evidence and discussion?
            <Button size="sm" variant="danger" disabled={busy} onClick={() => start(async () => void (await deleteItemAction(item.id)))}>Delete</Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Keep</Button>
          </span>
        ) : (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>Delete item</Button>
        )}
      </div>
    </div>
  );
}
