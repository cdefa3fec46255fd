import Link from "next/link";
import type { ItemFilter } from "@/lib/domain/readiness/filters";
import { PRIORITIES, PRIORITY_LABEL, STANDINGS, STANDING_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { MemberOption } from "@/lib/server/read-models/project-page";
import { cn } from "@/components/ui/cn";

const select =
  "rounded-md border-0 bg-white py-1.5 pl-2.5 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

// A plain GET form: filters live in the URL, so a filtered view can be shared.
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
  const toggle = (key: "owner" | "overdue" | "stale" | "open", value: string) => {
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
        {filter.stale && <input type="hidden" name="stale" value="1" />}
        {filter.open && <input type="hidden" name="open" value="1" />}
        <label className="min-w-0 flex-1 basis-48">
          <span className="sr-only">Search items</span>
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder="Search title, key or notes"
            className="block w-full rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          />
        </label>
        <label>
          <span className="sr-only">Status</span>
          <select name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">Any status</option>
            {STANDINGS.map((s) => (
              <option key={s} value={s}>
                {STANDING_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">Priority</span>
          <select name="priority" defaultValue={filter.priority ?? ""} className={select}>
            <option value="">Any priority</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">Owner</span>
          <select name="owner" defaultValue={filter.owner ?? ""} className={select}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">Category</span>
          <select name="category" defaultValue={filter.category ?? ""} className={select}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
          Filter
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={toggle("owner", "me")} className={chip(filter.owner === "me")}>Mine</Link>
        <Link href={toggle("open", "1")} className={chip(Boolean(filter.open))}>Open</Link>
        <Link href={toggle("overdue", "1")} className={chip(Boolean(filter.overdue))}>Overdue</Link>
        <Link href={toggle("stale", "1")} className={chip(Boolean(filter.stale))}>Stale</Link>
        <span className="ml-auto text-xs text-slate-500" aria-live="polite">
          {shown === total ? `${total} items` : `${shown} of ${total} items`}
          {shown !== total && (
            <>
              {" · "}
              <Link href={`/projects/${projectId}#items`} className="font-medium text-indigo-600 hover:underline">
                Clear filters
              </Link>
            </>
          )}
        </span>
      </div>
    </div>
  );
}
