"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { ITEM_SORTS, ITEM_SORT_LABEL } from "@/lib/domain/readiness/sort";
import { CompactSelect } from "@/components/ui/compact-select";

const WAIT_MS = 250;

// Replaces one parameter of the page's URL (the server filters and orders),
// keeping the others, without scrolling or adding a history entry per key.
function useReplaceParam() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (name: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
}

/** The checklist's search: filters as you type (after a short pause), the URL's `q` following. `/` focuses it. */
export function ChecklistSearch({ defaultValue }: { defaultValue: string }) {
  const replace = useReplaceParam();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <label className="min-w-0 flex-1 basis-48">
      <span className="sr-only">Search items</span>
      <input
        id="checklist-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Search title, key or notes  ( / )"
        onChange={(event) => {
          const value = event.target.value.trim();
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => replace("q", value), WAIT_MS);
        }}
        onKeyDown={(event) => {
          // Escape leaves the search for the list, as it leaves any field.
          if (event.key === "Escape") (document.querySelector<HTMLElement>('#checklist [data-testid="item-row"][tabindex="0"]') ?? event.currentTarget).focus();
        }}
        className="block w-full rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
      />
    </label>
  );
}

/** The order of items within their categories, in the URL's `sort`. */
export function ChecklistSort({ value }: { value: string }) {
  const replace = useReplaceParam();
  return (
    <CompactSelect
      label="Sort items by"
      value={value}
      onChange={(event) => replace("sort", event.target.value)}
      options={[{ value: "", label: "Project order" }, ...ITEM_SORTS.map((sort) => ({ value: sort, label: `By ${ITEM_SORT_LABEL[sort].toLowerCase()}` }))]}
    />
  );
}
