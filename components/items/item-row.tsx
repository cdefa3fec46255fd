"use client";

import Link from "next/link";
import { useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { PriorityBadge } from "@/components/readiness/priority-badge";
import { StandingBadge } from "@/components/readiness/standing-badge";
import { formatDay, formatHours } from "@/lib/domain/format";
import { ITEM_STATUSES, NEEDS_TRIAGE_LABEL, PRIORITIES, PRIORITY_LABEL, STATUS_GLYPH, STATUS_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { ItemView } from "@/lib/server/read-models/item-view";
import type { MemberOption } from "@/lib/server/read-models/project-page";
import { ConflictNotice } from "./conflict-notice";
import { EvidenceQuickAdd } from "./evidence-quick-add";
import { ITEM_COLUMNS, STACKED_COLUMNS } from "./item-columns";
import { useItemEditor } from "./use-item-editor";

export type ItemPermissions = { status: boolean; owner: boolean; edit: boolean };

const control =
  "w-full rounded-md border-0 bg-white py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-500";

// Saves on Enter or when focus leaves; Escape puts the saved value back.
function InlineInput({ label, value, type, step, disabled, onSave }: {
  label: string;
  value: string;
  type: "date" | "number";
  step?: string;
  disabled: boolean;
  onSave: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  if (value !== base) {
    setBase(value);
    setDraft(value);
  }
  const commit = () => draft !== value && onSave(draft);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") commit();
    if (event.key === "Escape") setDraft(value);
  };
  return (
    <input
      aria-label={label}
      type={type}
      step={step}
      min={type === "number" ? 0 : undefined}
      value={draft}
      disabled={disabled}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      className={cn(control, "px-2")}
    />
  );
}

// On narrow screens each control carries its caption; wide screens show
// the captions once, as column headings above the category's items.
function Cell({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <span aria-hidden className="mb-0.5 block text-[11px] font-medium text-slate-500 group-data-[stacked=false]/row:lg:hidden">
        {caption}
      </span>
      {children}
    </div>
  );
}


export function ItemRow({ projectId, initial, members, can, archived, stacked = false }: {
  projectId: string;
  initial: ItemView;
  members: MemberOption[];
  can: ItemPermissions;
  archived: boolean;
  // On the item page the row sits in a narrower column: controls go below the title.
  stacked?: boolean;
}) {
  const { item, notice, pending, save, shown, dismiss, retry } = useItemEditor(initial);
  const effort = shown("effortHours");
  const [reasonFor, setReasonFor] = useState(false);
  const [reason, setReason] = useState("");
  const label = (what: string) => `${what} of ${item.title}`;
  const locked = archived || pending;

  return (
    <li className={cn("group/row px-4 py-3 sm:px-5", pending && "opacity-70")} data-testid="item-row" data-item-key={item.key} data-standing={item.standing} data-stacked={stacked}>
      <div className={cn("flex flex-col gap-3", !stacked && "lg:flex-row lg:items-center")}>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <StandingBadge standing={item.standing} />
            <Link href={`/projects/${projectId}/items/${item.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
              {item.title}
            </Link>
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <code className="text-slate-400">{item.key}</code>
            {!can.edit && <PriorityBadge priority={item.priority} />}
            {item.evidenceCount > 0 && <span>{item.evidenceCount} evidence</span>}
            {item.standing === "NEEDS_EVIDENCE" && <span className="font-medium text-amber-800">No evidence: the project&apos;s policy asks for it, so this counts as partial</span>}
            {item.standing === "NOT_EVALUATED" && <span className="font-medium text-indigo-800">Its check has not given a verdict yet, so this counts as missing</span>}
            {item.waiver?.status === "PENDING" && <Badge tone="violet">Waiver requested</Badge>}
            {item.waiver?.valid && <Badge tone="violet">Waived until {formatDay(item.waiver.expiresOn)}</Badge>}
            {item.overdue && <Badge tone="red">Overdue</Badge>}
            {item.status === "NOT_APPLICABLE" && item.notApplicableReason && <span className="italic">N/A: {item.notApplicableReason}</span>}
          </div>
        </div>

        {can.status || can.owner || can.edit ? (
          <div className={stacked ? STACKED_COLUMNS : ITEM_COLUMNS}>
            <Cell caption="Status">
            <select
              aria-label={label("Status")}
              value={shown("status")}
              disabled={locked || !can.status}
              onChange={(event) => {
                const status = event.target.value;
                if (status === "NOT_APPLICABLE") setReasonFor(true);
                else save({ status });
              }}
              className={cn(control, "pl-2 pr-7")}
            >
              {ITEM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_GLYPH[status]} {STATUS_LABEL[status]}
                </option>
              ))}
            </select>
            </Cell>
            <Cell caption="Priority">
            <select
              aria-label={label("Priority")}
              value={shown("priority") ?? ""}
              disabled={locked || !can.edit}
              onChange={(event) => save({ priority: event.target.value })}
              className={cn(control, "pl-2 pr-7")}
            >
              {/* Triage is one way: an item once weighed cannot go back to unweighed. */}
              {item.priority === null && (
                <option value="" disabled>
                  {NEEDS_TRIAGE_LABEL}
                </option>
              )}
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABEL[priority]}
                </option>
              ))}
            </select>
            </Cell>
            <Cell caption="Owner">
            <select
              aria-label={label("Owner")}
              value={shown("ownerId") ?? ""}
              disabled={locked || !can.owner}
              onChange={(event) => save({ ownerId: event.target.value })}
              className={cn(control, "pl-2 pr-7")}
            >
              <option value="">Unassigned</option>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </select>
            </Cell>
            <Cell caption="Due">
            <InlineInput label={label("Due date")} type="date" value={shown("dueDate") ?? ""} disabled={locked || !can.edit} onSave={(dueDate) => save({ dueDate })} />
            </Cell>
            <Cell caption="Effort (h)">
            <InlineInput
              label={label("Effort in hours")}
              type="number"
              step="0.25"
              value={effort === null ? "" : String(effort)}
              disabled={locked || !can.edit}
              onSave={(effortHours) => save({ effortHours })}
            />
            </Cell>
          </div>
        ) : (
          <dl className="grid grid-cols-3 gap-2 text-xs text-slate-600 lg:w-[24rem] lg:shrink-0">
            <div>
              <dt className="text-slate-400">Owner</dt>
              <dd>{item.ownerName ?? "Unassigned"}</dd>
            </div>
            <div>
              <dt className="text-slate-400">Due</dt>
              <dd>{formatDay(item.dueDate)}</dd>
            </div>
            <div>
              <dt className="text-slate-400">Effort</dt>
              <dd>{formatHours(item.effortHours)}</dd>
            </div>
          </dl>
        )}
      </div>

      {reasonFor && (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            save({ status: "NOT_APPLICABLE", notApplicableReason: reason });
            setReasonFor(false);
          }}
        >
          <label className="min-w-0 flex-1 basis-64 text-xs text-slate-600">
            Why does this not apply?
            <input
              autoFocus
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              onKeyDown={(event) => event.key === "Escape" && setReasonFor(false)}
              className="mt-0.5 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            />
          </label>
          <button type="submit" className="rounded-md bg-indigo-600 px-2.5 py-1.5 text-xs font-semibold text-white">Mark N/A</button>
          <button type="button" onClick={() => setReasonFor(false)} className="rounded-md px-2.5 py-1.5 text-xs font-semibold text-slate-700 hover:bg-slate-100">
            Cancel
          </button>
        </form>
      )}

      {notice?.tone === "conflict" && (
        <ConflictNotice
          changes={notice.changes}
          mine={notice.retry}
          names={{ people: Object.fromEntries(members.map((member) => [member.userId, member.name])) }}
          onApply={retry}
          onKeepTheirs={dismiss}
        />
      )}
      {notice && notice.tone !== "conflict" && (
        <div
          role="status"
          className={cn(
            "mt-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset",
            notice.tone === "error" ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200",
          )}
        >
          <p>{notice.message}</p>
          {notice.tone === "evidence" && <EvidenceQuickAdd itemId={item.id} itemTitle={item.title} onAdded={retry} />}
          {notice.tone === "error" && (
            <button type="button" onClick={dismiss} className="mt-1 text-xs font-semibold underline">
              Dismiss
            </button>
          )}
        </div>
      )}
    </li>
  );
}
