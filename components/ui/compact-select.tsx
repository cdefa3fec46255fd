import type { SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { SelectOptions, type SelectOption } from "./field";

// A small select for filter bars, labelled for screen readers only.
export function CompactSelect({ label, options, className, ...props }: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: SelectOption[];
}) {
  return (
    <label>
      <span className="sr-only">{label}</span>
      <select
        className={cn(
          "rounded-md border-0 bg-white py-1.5 pl-2.5 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600",
          className,
        )}
        {...props}
      >
        <SelectOptions options={options} />
      </select>
    </label>
  );
}
