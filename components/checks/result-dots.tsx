"use client";

import { cn } from "@/components/ui/cn";
import { useViewerTimeZone } from "@/components/time/viewer-time-zone";
import { formatMoment } from "@/lib/domain/format";
import type { CheckResultView } from "@/lib/server/read-models/check-view";

/**
 * A check's latest results as dots, oldest on the left: green passed, red
 * failed, each titled with its time and summary (and read out as such).
 * `results` come newest first, as recentCheckResults gives them.
 */
export function ResultDots({ results, label }: { results: CheckResultView[]; label: string }) {
  const zone = useViewerTimeZone();
  if (results.length === 0) return <span className="text-xs text-slate-500">No results yet</span>;
  return (
    <ol aria-label={label} className="flex min-h-5 flex-wrap items-center gap-1" data-testid="result-dots">
      {[...results].reverse().map((result) => {
        const title = `${formatMoment(result.ranAt, zone)}: ${result.passed ? "passed" : "failed"} — ${result.summary}`;
        return (
          <li key={result.id} title={title} data-passed={result.passed} suppressHydrationWarning>
            <span aria-hidden className={cn("block size-2.5 rounded-full ring-1 ring-inset", result.passed ? "bg-emerald-500 ring-emerald-600" : "bg-red-500 ring-red-600")} />
            <span className="sr-only" suppressHydrationWarning>{title}</span>
          </li>
        );
      })}
    </ol>
  );
}
