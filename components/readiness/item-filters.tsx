import Link from "next/link";
import type { ItemFilter } from "@/lib/domain/readiness/filters";
import { NEEDS_TRIAGE_LABEL, PRIORITIES, PRIORITY_LABEL, STANDINGS, STANDING_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { MemberOption } from "@/lib/server/read-models/project-page";
import { cn } from "@/components/ui/cn";
import { CompactSelect } from "@/components/ui/compact-select";
import { ChecklistSearch, ChecklistSort } from "@/components/items/checklist-search";

// A plain GET form: filters live in the URL, so a filtered view can be
// shared. The search and the order apply at once (checklist-search.tsx).
export function ItemFilters({
  projectId,
  filter,
  members,
  categories,
  shown,
  total,
}: {
  projectId: string;
  filter: ItemFilter;
  members: MemberOption[];
  categories: { id: string; name: string }[];
  shown: number;
  total: number;
}) {
  const toggle = (key: "owner" | "overdue" | "dueThisWeek" | "stale" | "open", value: string) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]);
    if (params.get(key) === value) params.delete(key);
    else params.set(key, value);
    const query = params.toString();
    return `/projects/${projectId}${query ? `?${query}` : ""}#items`;
  };
  const chip = (active: boolean) =>
    cn(
      "rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset",
      active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
    );
  return (
    <div className="space-y-3">
      <form method="get" action={`/projects/${projectId}#items`} className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter items">
        {filter.overdue && <input type="hidden" name="overdue" value="1" />}
        {filter.dueThisWeek && <input type="hidden" name="dueThisWeek" value="1" />}
        {filter.stale && <input type="hidden" name="stale" value="1" />}
        {filter.open && <input type="hidden" name="open" value="1" />}
        {filter.sort && <input type="hidden" name="sort" value={filter.sort} />}
        <ChecklistSearch defaultValue={filter.q ?? ""} />
        <CompactSelect
          label="Status"
          name="status"
          defaultValue={filter.status ?? ""}
          options={[{ value: "", label: "Any status" }, ...STANDINGS.map((s) => ({ value: s, label: STANDING_LABEL[s] }))]}
        />
        <CompactSelect
          label="Priority"
          name="priority"
          defaultValue={filter.priority ?? ""}
          options={[{ value: "", label: "Any priority" }, ...PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] })), { value: "NONE", label: NEEDS_TRIAGE_LABEL }]}
        />
        <CompactSelect
          label="Owner"
          name="owner"
          defaultValue={filter.owner ?? ""}
          options={[
            { value: "", label: "Anyone" },
            { value: "me", label: "Me" },
            { value: "none", label: "Unassigned" },
            ...members.map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
        <CompactSelect
          label="Category"
          name="category"
          defaultValue={filter.category ?? ""}
          options={[{ value: "", label: "All categories" }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <ChecklistSort value={filter.sort ?? ""} />
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
          Filter
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={toggle("owner", "me")} className={chip(filter.owner === "me")}>Mine</Link>
        <Link href={toggle("open", "1")} className={chip(Boolean(filter.open))}>Open</Link>
        <Link href={toggle("overdue", "1")} className={chip(Boolean(filter.overdue))}>Overdue</Link>
        <Link href={toggle("dueThisWeek", "1")} className={chip(Boolean(filter.dueThisWeek))} title="Open items due today or in the next six days, in the team's time zone">
          Due this week
        </Link>
        <Link href={toggle("stale", "1")} className={chip(Boolean(filter.stale))}>Stale</Link>
        <span className="ml-auto text-xs text-slate-500" aria-live="polite">
          {shown === total ? `${total} items` : `${shown} of ${total} items`}
          {shown !== total && (
            <>
              {" · "}
              <Link href={`/projects/${projectId}${filter.sort ? `?sort=${filter.sort}` : ""}#items`} className="font-medium text-indigo-700 hover:underline">
                Clear filters
              </Link>
            </>
          )}
        </span>
      </div>
    </div>
  );
}
