import { Moment } from "@/components/time/moment";
import { STATUS_LABEL } from "@/lib/domain/readiness/vocabulary";
import { checkTarget } from "@/lib/schemas/check";
import type { CheckResultView, CheckView } from "@/lib/server/read-models/check-view";
import { AddCheckForm } from "./add-check-form";
import { CHECK_KIND_LABEL } from "./check-kinds";
import { CheckStateBadge, CheckStateLine } from "./check-state";
import { RemoveCheckButton } from "./remove-check-button";
import { ResultDetails } from "./result-details";
import { ResultDots } from "./result-dots";
import { RunChecksButton } from "./run-checks-button";

// Results listed with their details under each check; the dots show more.
const RESULTS_LISTED = 3;

type Props = {
  itemId: string;
  checks: CheckView[];
  /** The latest results per check id, newest first (recentCheckResults). */
  results: Record<string, CheckResultView[]>;
  /** An approved, current waiver decides the item, whatever its checks say. */
  waived: boolean;
  canManage: boolean;
  canRun: boolean;
};

const every = (minutes: number) => (minutes % 60 === 0 ? `every ${minutes === 60 ? "hour" : `${minutes / 60} h`}` : `every ${minutes} min`);

/** The item page's Checks section: each check's state and latest results, and, by role, re-check, remove and add. */
export function ItemChecksPanel({ itemId, checks, results, waived, canManage, canRun }: Props) {
  return (
    <div className="space-y-4">
      {checks.length === 0 ? (
        <p className="text-sm text-slate-500">
          No automated checks. A check verifies this item for you — an endpoint answering, a certificate far from expiry, a file in the repository — and keeps it Done
          while it passes.
        </p>
      ) : (
        <ul className="space-y-4" aria-label="Checks">
          {checks.map((check) => {
            const target = checkTarget(check.settings);
            const latest = results[check.id] ?? [];
            return (
              <li key={check.id} className="rounded-lg p-3 ring-1 ring-slate-200" data-testid="item-check" data-state={check.state}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <CheckStateBadge check={check} />
                      <span className="text-sm font-medium text-slate-900">{CHECK_KIND_LABEL[check.kind]}</span>
                    </div>
                    <p className="break-all text-xs text-slate-600">
                      <code>{target}</code>
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-1">
                    {canRun && <RunChecksButton target={{ checkId: check.id }} accessibleName={`Re-check ${target} now`} />}
                    {canManage && <RemoveCheckButton checkId={check.id} what={target} />}
                  </div>
                </div>
                <div className="mt-2" data-testid="check-state-line">
                  <CheckStateLine check={check} />
                </div>
                {waived && check.state === "FAILING" && (
                  <p className="mt-1 text-sm text-violet-700" data-testid="check-waived">
                    Waived — the check is failing, the waiver decides.
                  </p>
                )}
                <p className="mt-1 text-xs text-slate-500">
                  Runs {every(check.intervalMinutes)}; the item becomes {STATUS_LABEL[check.failingStatus]} after {check.failuresBeforeFailing}{" "}
                  {check.failuresBeforeFailing === 1 ? "failure" : "failures in a row"}.
                </p>
                {latest.length > 0 && (
                  <div className="mt-3 space-y-2 border-t border-slate-100 pt-3">
                    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      Latest results <ResultDots results={latest} label={`Latest results of the check of ${target}`} />
                    </div>
                    <ul className="space-y-2" aria-label="Latest results">
                      {latest.slice(0, RESULTS_LISTED).map((result, index) => (
                        <li key={result.id}>
                          <details open={index === 0} className="group rounded-md bg-slate-50 px-3 py-2">
                            <summary className="cursor-pointer list-none text-sm">
                              <span className={result.passed ? "font-medium text-emerald-700" : "font-medium text-red-700"}>{result.passed ? "✓ Passed" : "✗ Failed"}</span>{" "}
                              <Moment iso={result.ranAt} className="text-xs text-slate-500" />
                              <span className="mt-0.5 block break-words text-slate-700">{result.summary}</span>
                            </summary>
                            <div className="mt-2">
                              <ResultDetails result={result} />
                            </div>
                          </details>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canManage && <AddCheckForm itemId={itemId} />}
    </div>
  );
}
