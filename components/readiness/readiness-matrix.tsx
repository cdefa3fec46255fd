import Link from "next/link";
import type { MatrixRow } from "@/lib/domain/readiness/matrix";
import type { Standing } from "@/lib/domain/readiness/vocabulary";
import { cn } from "@/components/ui/cn";

const COLUMNS: { standing: Standing; label: string; className: string }[] = [
  { standing: "MISSING", label: "Missing", className: "text-slate-700" },
  { standing: "NOT_EVALUATED", label: "Not evaluated yet", className: "text-indigo-700" },
  { standing: "PARTIAL", label: "Partial", className: "text-sky-700" },
  { standing: "NEEDS_EVIDENCE", label: "Needs evidence", className: "text-amber-700" },
  { standing: "STALE", label: "Stale", className: "text-amber-700" },
  { standing: "DONE", label: "Done", className: "text-emerald-700" },
  { standing: "WAIVED", label: "Waived", className: "text-violet-700" },
  { standing: "NOT_APPLICABLE", label: "N/A", className: "text-slate-500" },
];

// Shown only while some item waits for its check's first verdict: most
// projects have none, and an always-empty column would only widen the table.
const SHOWN_WHEN_PRESENT: ReadonlySet<Standing> = new Set(["NOT_EVALUATED"]);

const GLYPH_CLASS = { "●": "text-emerald-600", "◐": "text-amber-500", "○": "text-slate-400", "–": "text-slate-300" } as const;

// Rows are categories; every count is a link that filters the item list.
export function ReadinessMatrix({ projectId, rows }: { projectId: string; rows: MatrixRow[] }) {
  const href = (categoryId: string, standing?: Standing) =>
    `/projects/${projectId}?category=${categoryId}${standing ? `&status=${standing}` : ""}#items`;
  const columns = COLUMNS.filter((column) => !SHOWN_WHEN_PRESENT.has(column.standing) || rows.some((row) => row.counts[column.standing] > 0));
  return (
    <section aria-labelledby="matrix-title" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id="matrix-title" className="border-b border-slate-100 px-5 py-3 text-base font-semibold text-slate-900">
        Readiness matrix
      </h2>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm" data-testid="readiness-matrix">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 text-left font-medium">Category</th>
              {columns.map((column) => (
                <th key={column.standing} scope="col" className="px-2 py-2 text-right font-medium">
                  {column.label}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-right font-medium">%</th>
              <th scope="col" className="px-4 py-2 text-center font-medium">
                <span className="sr-only">State</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.categoryId} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                  <Link href={href(row.categoryId)} className="hover:text-indigo-700 hover:underline">
                    {row.name}
                  </Link>
                </th>
                {columns.map((column) => {
                  const count = row.counts[column.standing];
                  return (
                    // A zero is the cell's own text (no element of its own: a
                    // catalogue project has a hundred of them).
                    <td key={column.standing} className={cn("py-2 text-right tabular-nums", count > 0 ? "px-2" : "pl-2 pr-3.5 text-slate-300")}>
                      {count > 0 ? (
                        <Link
                          href={href(row.categoryId, column.standing)}
                          aria-label={`${count} ${column.label.toLowerCase()} in ${row.name}`}
                          className={cn("rounded px-1.5 py-0.5 font-medium hover:bg-indigo-50 hover:underline", column.className)}
                        >
                          {count}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  );
                })}
                <td className="px-2 py-2 text-right font-semibold tabular-nums text-slate-900">{row.applicable ? `${row.percent}%` : "—"}</td>
                <td className={cn("px-4 py-2 text-center text-lg leading-none", GLYPH_CLASS[row.glyph])} aria-label={`${row.name}: ${row.glyph}`}>
                  {row.glyph}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-500">○ nothing done · ◐ some progress · ● every applicable item done</p>
    </section>
  );
}
