"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { setCategoryCollapsedAction } from "@/lib/server/actions/checklist-preferences";
import type { ChecklistItem } from "@/lib/server/read-models/item-view";
import type { MemberOption } from "@/lib/server/read-models/project-page";
import { BulkBar, BulkOutcome, type BulkOutcomeValue } from "./bulk-bar";
import { CategorySection } from "./category-section";
import { ChecklistEmpty } from "./checklist-empty";
import { ChecklistProvider, type ItemPermissions } from "./checklist-context";
import { globalCommand, isTyping, rowCommand } from "./keyboard";
import { ShortcutsDialog } from "./shortcuts-dialog";

const ROW = '[data-testid="item-row"]';

/**
 * The project's checklist: items grouped under their categories (in the
 * order given), one tab stop for the whole list (arrows or j/k move between
 * rows), categories folded per person, a selection with its bulk bar, and
 * the shortcuts dialog (`?`). `collapsed`: the categories the viewer folded
 * away, whose rows are not rendered.
 */
export function ItemList({ projectId, categories, items, members, can, viewerId, canAddItems, canManageCategories, archived, filtering, collapsed: initiallyCollapsed }: {
  projectId: string;
  categories: { id: string; name: string }[];
  items: ChecklistItem[];
  members: MemberOption[];
  can: ItemPermissions;
  viewerId: string;
  canAddItems: boolean;
  canManageCategories: boolean;
  archived: boolean;
  filtering: boolean;
  collapsed: string[];
}) {
  const router = useRouter();
  const [collapsed, setCollapsed] = useState(() => new Set(initiallyCollapsed));
  const [foldError, setFoldError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcomeValue | null>(null);

  // Items as the last bulk change answered them, until the page catches up.
  const [bulkUpdated, setBulkUpdated] = useState<Record<string, ChecklistItem>>({});
  const [, startTransition] = useTransition();
  const listRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<string | null>(null);
  const addable = canAddItems && !archived;
  const selectable = !archived && (can.status || can.owner || can.edit);

  const groups = useMemo(
    () =>
      categories
        .map((category) => ({
          category,
          items: items.filter((item) => item.categoryId === category.id).map((item) => {
            const bulk = bulkUpdated[item.id];
            return bulk && bulk.version > item.version ? bulk : item;
          }),
        }))
        .filter((group) => group.items.length > 0 || (!filtering && addable)),
    [categories, items, bulkUpdated, filtering, addable],
  );
  const visible = useMemo(() => groups.flatMap((group) => (collapsed.has(group.category.id) ? [] : group.items.map((item) => item.id))), [groups, collapsed]);
  const visibleRef = useRef(visible);
  useEffect(() => {
    visibleRef.current = visible;
  }, [visible]);
  const active = activeId && visible.includes(activeId) ? activeId : (visible[0] ?? null);

  // `/` searches and `?` lists the shortcuts, from anywhere on the page but a field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const command = globalCommand(event);
      if (command === "search") {
        const search = document.getElementById("checklist-search");
        if (!search) return;
        event.preventDefault();
        search.focus();
      } else if (command === "help") {
        event.preventDefault();
        setHelp(true);
      }
    };
    document.addEventListener("keydown", onKey);
    // Says the shortcuts are live: the rows stream in after the top of the
    // page and hydrate after it (the browser tests wait for this).
    document.documentElement.dataset.checklistKeys = "on";
    return () => {
      document.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.checklistKeys;
    };
  }, []);

  const onSelect = useCallback((itemId: string, range: boolean) => {
    const from = anchor.current;
    anchor.current = itemId;
    setSelected((current) => {
      const next = new Set(current);
      const order = visibleRef.current;
      if (range && from && order.includes(from) && order.includes(itemId)) {
        const [start, end] = [order.indexOf(from), order.indexOf(itemId)].sort((a, b) => a - b);
        for (const id of order.slice(start, end + 1)) next.add(id);
      } else if (next.has(itemId)) {
        next.delete(itemId);
      } else {
        next.add(itemId);
      }
      return next;
    });
  }, []);

  const onSelectAll = useCallback((itemIds: string[], select: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of itemIds) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const onToggle = useCallback((categoryId: string) => {
    let fold = false;
    setCollapsed((current) => {
      const next = new Set(current);
      fold = !next.has(categoryId);
      if (fold) next.add(categoryId);
      else next.delete(categoryId);
      return next;
    });
    setFoldError(null);
    startTransition(async () => {
      const result = await setCategoryCollapsedAction(categoryId, fold);
      if (result.ok) return;
      setFoldError(`Not saved: ${result.error.message} The category is as it was.`);
      setCollapsed((current) => {
        const next = new Set(current);
        if (fold) next.delete(categoryId);
        else next.add(categoryId);
        return next;
      });
    });
  }, []);

  // Arrows and j/k move to the next or previous row, keeping the same field if focus was on one.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isTyping(event.target)) return;
    const command = rowCommand(event, false);
    if (command?.kind !== "move" || !listRef.current) return;
    const from = event.target as HTMLElement;
    const row = from.closest<HTMLElement>(ROW);
    if (!row) return;
    event.preventDefault();
    const rows = Array.from(listRef.current.querySelectorAll<HTMLElement>(ROW));
    const index = rows.indexOf(row);
    const to = { next: index + 1, previous: index - 1, first: 0, last: rows.length - 1 }[command.to];
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!target || target === row) return;
    const cell = from.dataset.cell ? target.querySelector<HTMLElement>(`[data-cell="${from.dataset.cell}"]`) : null;
    (cell ?? target).focus();
  };

  if (categories.length === 0) {
    return <ChecklistEmpty projectId={projectId} canManageCategories={canManageCategories && !archived} />;
  }

  return (
    <ChecklistProvider projectId={projectId} members={members} can={can} viewerId={viewerId} archived={archived}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>Arrows or j/k move, Tab goes through an item&apos;s fields.</span>
        <button type="button" onClick={() => setHelp(true)} className="font-medium text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
          Keyboard shortcuts (?)
        </button>
      </div>
      {foldError && (
        <p role="alert" className="text-sm text-red-700">
          {foldError}
        </p>
      )}
      {groups.length === 0 ? (
        <p className="rounded-xl bg-white px-5 py-10 text-center text-sm text-slate-600 ring-1 ring-slate-200">
          {filtering ? (
            <>
              No items match these filters.{" "}
              <Link href={`/projects/${projectId}#items`} className="font-medium text-indigo-700 hover:underline">
                Clear filters
              </Link>
            </>
          ) : (
            "No items yet."
          )}
        </p>
      ) : (
        <div id="checklist" ref={listRef} tabIndex={-1} onKeyDown={onKeyDown} className="space-y-3 focus:outline-none">
          {groups.map(({ category, items: categoryItems }) => (
            <CategorySection
              key={category.id}
              category={category}
              items={categoryItems}
              collapsed={collapsed.has(category.id)}
              onToggle={onToggle}
              activeId={active}
              onActivate={setActiveId}
              selected={selected}
              onSelect={selectable ? onSelect : null}
              onSelectAll={selectable ? onSelectAll : null}
              canAddItems={addable}
            />
          ))}
        </div>
      )}
      {outcome && <BulkOutcome outcome={outcome} onDismiss={() => setOutcome(null)} />}
      {selected.size > 0 && (
        <BulkBar
          selected={[...selected]}
          onClear={() => setSelected(new Set())}
          onDone={(result, updated) => {
            setOutcome(result);
            setBulkUpdated((current) => ({ ...current, ...Object.fromEntries(updated.map((item) => [item.id, item])) }));
            // What was refused stays selected, to be dealt with next.
            setSelected(new Set(result.refused.map((refusal) => refusal.itemId)));
            router.refresh();
          }}
        />
      )}
      <ShortcutsDialog open={help} onOpenChange={setHelp} />
    </ChecklistProvider>
  );
}
