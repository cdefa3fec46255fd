"use client";

import { memo } from "react";
import { cn } from "@/components/ui/cn";
import type { ChecklistItem } from "@/lib/server/read-models/item-view";
import { AddItemForm } from "./add-item-form";
import { ChecklistRow } from "./item-row";

const focusRing = "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600";

/**
 * One category of the checklist: a header that folds it away (still saying
 * how many items it has and how many are done) and selects all of its items,
 * then its rows, then the add-item form. A folded category renders no rows.
 */
export const CategorySection = memo(function CategorySection({ category, items, collapsed, onToggle, activeId, onActivate, selected, onSelect, onSelectAll, canAddItems }: {
  category: { id: string; name: string };
  items: ChecklistItem[];
  collapsed: boolean;
  onToggle: (categoryId: string) => void;
  activeId: string | null;
  onActivate: (itemId: string) => void;
  selected: ReadonlySet<string>;
  onSelect: ((itemId: string, range: boolean) => void) | null;
  onSelectAll: ((itemIds: string[], select: boolean) => void) | null;
  canAddItems: boolean;
}) {
  const done = items.filter((item) => item.standing === "DONE" || item.standing === "WAIVED").length;
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const listId = `category-items-${category.id}`;
  return (
    <section aria-labelledby={`category-${category.id}`} data-testid="checklist-category" data-collapsed={collapsed} className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h3
        id={`category-${category.id}`}
        className={cn("flex items-center gap-2 bg-slate-50 px-3 py-1.5 text-sm font-semibold text-slate-900 sm:px-4", collapsed ? "rounded-xl" : "rounded-t-xl border-b border-slate-100")}
      >
        {onSelectAll && !collapsed && items.length > 0 && (
          <input
            type="checkbox"
            aria-label={`Select all in ${category.name}`}
            checked={allSelected}
            onChange={() => onSelectAll(items.map((item) => item.id), !allSelected)}
            className={cn("size-4 shrink-0 rounded border-slate-400 text-indigo-600", focusRing)}
          />
        )}
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls={collapsed ? undefined : listId}
          onClick={() => onToggle(category.id)}
          className={cn(
            "flex min-w-0 flex-1 items-center gap-2 rounded text-left",
            // A triangle drawn with borders: generated text would join the button's name.
            "before:inline-block before:size-0 before:shrink-0 before:border-y-[5px] before:border-l-[7px] before:border-y-transparent before:border-l-slate-600 before:transition-transform before:content-['']",
            !collapsed && "before:rotate-90",
            focusRing,
          )}
        >
          {category.name}
          <span className="text-xs font-normal text-slate-600">
            {items.length} {items.length === 1 ? "item" : "items"} · {done} done
          </span>
        </button>
      </h3>
      {!collapsed && (
        <>
          {items.length > 0 && (
            <ul id={listId} className="divide-y divide-slate-100">
              {items.map((item) => (
                <ChecklistRow key={item.id} initial={item} active={item.id === activeId} selected={selected.has(item.id)} onSelect={onSelect} onActivate={onActivate} />
              ))}
            </ul>
          )}
          {canAddItems && (
            <div className="border-t border-slate-100 px-4 py-2">
              <AddItemForm categoryId={category.id} categoryName={category.name} />
            </div>
          )}
        </>
      )}
    </section>
  );
});
