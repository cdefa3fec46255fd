"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatDay, formatHours } from "@/lib/domain/format";
import {
  ITEM_STATUSES,
  NEEDS_TRIAGE_LABEL,
  PRIORITIES,
  PRIORITY_LABEL,
  STANDING_GLYPH,
  STANDING_LABEL,
  STATUS_GLYPH,
  STATUS_LABEL,
  priorityLabel,
  type ItemPriority,
  type ItemStatus,
  type Standing,
} from "@/lib/domain/readiness/vocabulary";
import type { ChecklistItem } from "@/lib/server/read-models/item-view";
import type { MemberOption } from "@/lib/server/read-models/project-page";
import { InputEditor, ReasonEditor, SelectEditor } from "./cell-editors";
import { ChecklistProvider, useChecklist, type ItemPermissions } from "./checklist-context";
import { ItemNotices } from "./item-notices";
import { isTyping, rowCommand, type EditableField } from "./keyboard";
import { useItemEditor } from "./use-item-editor";

export type { ItemPermissions } from "./checklist-context";

const FIELD_LABEL: Record<EditableField, string> = { status: "Status", priority: "Priority", ownerId: "Owner", dueDate: "Due date", effortHours: "Effort in hours" };

// Fixed widths on wide screens, so that the cells of all rows line up.
// In the checklist a row is a grid on wide screens: checkbox, then the title
// over the key, then the five fields, each in its own column. On narrow ones
// (and on the item's page) it wraps: title, key, then the fields on a line.
// The row's, cells' and title's own classes live in app/globals.css
// (checklist-*): written out here they were most of a long list's HTML.
const GRID = "checklist-grid";
const IN_GRID = "checklist-in-grid";

const STANDING_TEXT: Record<Standing, string> = {
  DONE: "text-emerald-700",
  WAIVED: "text-violet-700",
  STALE: "text-amber-800",
  NEEDS_EVIDENCE: "text-amber-800",
  PARTIAL: "text-sky-800",
  MISSING: "text-slate-700",
  NOT_EVALUATED: "text-indigo-700",
  NOT_APPLICABLE: "text-slate-600",
};

const PRIORITY_TEXT: Record<NonNullable<ItemPriority> | "NONE", string> = {
  CRITICAL: "font-semibold text-red-700",
  HIGH: "text-amber-800",
  MEDIUM: "text-slate-700",
  LOW: "text-slate-600",
  NONE: "font-medium text-violet-700",
};

const cellClass = "checklist-cell";

// The typed value a cell's text becomes (the editors hand over text).
function typed(field: EditableField, raw: string): unknown {
  if (field === "effortHours") return raw.trim() === "" ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (field === "status") return raw;
  return raw === "" ? null : raw;
}

type Editing = { field: EditableField | "reason"; by: "keyboard" | "mouse" };

type RowProps = {
  initial: ChecklistItem;
  // The list's one tab stop: this row and its cells take Tab; others only focus on click or arrows.
  active: boolean;
  selected: boolean;
  // Null where items cannot be selected (read-only, archived, the item's own page).
  onSelect: ((itemId: string, range: boolean) => void) | null;
  onActivate?: (itemId: string) => void;
  stacked?: boolean;
};

/**
 * One item of the checklist, as text: its standing, priority, owner, due
 * date and effort. A cell turns into its editor on click, Enter or its
 * shortcut, and back to text once saved; saving never disables the row, so
 * focus stays on the cell. Notices (conflict, evidence asked, refusal) show
 * below the row.
 */
export const ChecklistRow = memo(function ChecklistRow({ initial, active, selected, onSelect, onActivate, stacked = false }: RowProps) {
  const router = useRouter();
  const { projectId, members, memberNames, can, viewerId, archived } = useChecklist();
  const { item, notice, save, shown, dismiss, retry } = useItemEditor(initial);
  const [editing, setEditing] = useState<Editing | null>(null);
  const cells = useRef<Partial<Record<EditableField, HTMLButtonElement | null>>>({});
  const refocus = useRef<EditableField | null>(null);
  const href = `/projects/${projectId}/items/${item.id}`;

  useLayoutEffect(() => {
    if (editing || !refocus.current) return;
    cells.current[refocus.current]?.focus();
    refocus.current = null;
  }, [editing]);

  const plans = can.edit || (can.planOwn && item.ownerId === viewerId);
  const mayEdit: Record<EditableField, boolean> = {
    status: can.status && !archived,
    priority: can.edit && !archived,
    ownerId: can.owner && !archived,
    dueDate: plans && !archived,
    effortHours: plans && !archived,
  };

  const status = shown("status");
  const priority = shown("priority");
  const ownerId = shown("ownerId");
  const dueDate = shown("dueDate");
  const effort = shown("effortHours");
  const value: Record<EditableField, string> = {
    status,
    priority: priority ?? "",
    ownerId: ownerId ?? "",
    dueDate: dueDate ?? "",
    effortHours: effort === null ? "" : String(effort),
  };

  const close = (field: EditableField, focusCell: boolean) => {
    refocus.current = focusCell ? field : null;
    setEditing(null);
  };
  const commit = (field: EditableField) => (raw: string, focusCell: boolean) => {
    if (field === "status" && raw === "NOT_APPLICABLE" && raw !== value.status) {
      setEditing({ field: "reason", by: "keyboard" });
      return;
    }
    close(field, focusCell);
    if (raw !== value[field]) save({ [field]: typed(field, raw) });
  };
  const cancel = (field: EditableField) => () => close(field, true);

  // A changed status shows as set until the server says how it stands.
  const standing: Standing = status === item.status ? item.standing : (status as ItemStatus);
  const statusText = `${status === item.status ? STANDING_GLYPH[standing] : STATUS_GLYPH[status as ItemStatus]} ${STANDING_LABEL[standing]}`;
  const ownerName = ownerId === null ? null : (memberNames[ownerId] ?? (ownerId === item.ownerId ? item.ownerName : null));
  const overdue = item.overdue && dueDate === item.dueDate;
  const label = (field: EditableField) => `${FIELD_LABEL[field]} of ${item.title}`;

  function editor(field: EditableField, by: Editing["by"]): ReactNode {
    const props = { label: label(field), value: value[field], commit: commit(field), cancel: cancel(field), className: stacked ? undefined : IN_GRID };
    if (field === "status") {
      return <SelectEditor {...props} openedBy={by} options={ITEM_STATUSES.map((s) => ({ value: s, label: `${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}` }))} />;
    }
    if (field === "priority") {
      // Triage is one way: an item once weighed cannot go back to unweighed.
      const options = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }));
      return <SelectEditor {...props} openedBy={by} options={priority === null ? [{ value: "", label: NEEDS_TRIAGE_LABEL, disabled: true }, ...options] : options} />;
    }
    if (field === "ownerId") {
      return <SelectEditor {...props} openedBy={by} options={[{ value: "", label: "Unassigned" }, ...members.map((m) => ({ value: m.userId, label: m.name }))]} />;
    }
    return <InputEditor {...props} type={field === "dueDate" ? "date" : "number"} />;
  }

  function cell(field: EditableField, text: string, tone: string, hint?: string): ReactNode {
    if (editing?.field === field) return editor(field, editing.by);
    const className = cn(cellClass, !stacked && IN_GRID, tone);
    if (!mayEdit[field]) {
      return (
        <span className={className} title={hint ? `${FIELD_LABEL[field]}: ${text} (${hint})` : `${FIELD_LABEL[field]}: ${text}`}>
          {text}
        </span>
      );
    }
    return (
      <button
        ref={(element) => {
          cells.current[field] = element;
        }}
        type="button"
        data-cell={field}
        tabIndex={active ? 0 : -1}
        aria-label={`${label(field)}: ${text}${hint ? `, ${hint}` : ""}`}
        // detail 0: Enter or Space, not a click.
        onClick={(event) => setEditing({ field, by: event.detail === 0 ? "keyboard" : "mouse" })}
        className={cn(className, "checklist-cell-button")}
      >
        {text}
      </button>
    );
  }

  const extras = [
    item.evidenceCount > 0 && `${item.evidenceCount} evidence`,
    item.waiver?.status === "PENDING" && "Waiver requested",
    item.waiver?.valid && `Waived until ${formatDay(item.waiver.expiresOn)}`,
    item.status === "NOT_APPLICABLE" && item.notApplicableReason && `N/A: ${item.notApplicableReason}`,
  ].filter(Boolean);

  return (
    <li
      tabIndex={onActivate ? (active ? 0 : -1) : undefined}
      aria-label={onActivate ? item.title : undefined}
      data-testid="item-row"
      data-item-key={item.key}
      data-standing={item.standing}
      data-stacked={stacked}
      onFocus={() => onActivate?.(item.id)}
      onKeyDown={(event) => {
        if (isTyping(event.target)) return;
        const command = rowCommand(event, event.target === event.currentTarget);
        if (command?.kind === "edit" && mayEdit[command.field]) {
          event.preventDefault();
          setEditing({ field: command.field, by: "keyboard" });
        } else if (command?.kind === "select" && onSelect) {
          event.preventDefault();
          onSelect(item.id, false);
        } else if (command?.kind === "open") {
          event.preventDefault();
          router.push(href);
        }
      }}
      className={cn(
        "checklist-row",
        !stacked && GRID,
        selected && "bg-indigo-50",
      )}
    >
      {onSelect && (
        <input
          type="checkbox"
          tabIndex={active ? 0 : -1}
          aria-label={`Select ${item.title}`}
          checked={selected}
          onChange={() => undefined}
          onClick={(event) => onSelect(item.id, event.shiftKey)}
          className="checklist-check"
        />
      )}
      {/* Not prefetched: a long checklist in view would fetch a page per row from the server. */}
      <Link
        href={href}
        prefetch={false}
        tabIndex={onActivate && !active ? -1 : undefined}
        className="checklist-title"
      >
        {item.title}
      </Link>
      <p className={cn("checklist-key", onSelect && "pl-6 md:pl-0")}>{[item.key, ...extras].join(" · ")}</p>
      {cell("status", statusText, STANDING_TEXT[standing])}
      {cell("priority", priorityLabel(priority), PRIORITY_TEXT[priority ?? "NONE"])}
      {cell("ownerId", ownerName ?? "Unassigned", ownerName ? "text-slate-800" : "text-slate-500")}
      {cell("dueDate", dueDate ? formatDay(dueDate) : "No due date", overdue ? "font-medium text-red-700" : dueDate ? "text-slate-800" : "text-slate-500", overdue ? "overdue" : undefined)}
      {cell("effortHours", formatHours(typeof effort === "number" ? effort : null), effort === null ? "text-slate-500" : "text-slate-800")}
      {editing?.field === "reason" && (
        <ReasonEditor
          title={item.title}
          commit={(reason) => {
            close("status", true);
            save({ status: "NOT_APPLICABLE", notApplicableReason: reason });
          }}
          cancel={() => close("status", true)}
        />
      )}
      {notice && <ItemNotices item={item} notice={notice} memberNames={memberNames} retry={retry} dismiss={dismiss} />}
    </li>
  );
});

/** One item's row on its own (the item's page), with what a checklist row takes from its list. */
export function ItemRow({ projectId, initial, members, can, viewerId, archived, stacked = false }: {
  projectId: string;
  initial: ChecklistItem;
  members: MemberOption[];
  can: ItemPermissions;
  viewerId: string;
  archived: boolean;
  stacked?: boolean;
}) {
  return (
    <ChecklistProvider projectId={projectId} members={members} can={can} viewerId={viewerId} archived={archived}>
      <ChecklistRow initial={initial} active selected={false} onSelect={null} stacked={stacked} />
    </ChecklistProvider>
  );
}
