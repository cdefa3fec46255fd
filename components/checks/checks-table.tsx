import Link from "next/link";
import { RelativeMoment, SinceMoment } from "@/components/time/relative-moment";
import { checkTarget } from "@/lib/schemas/check";
import type { CheckResultView, CheckView } from "@/lib/server/read-models/check-view";
import { CHECK_KIND_LABEL } from "./check-kinds";
import { CheckStateBadge } from "./check-state";
import { ResultDots } from "./result-dots";
import { RunChecksButton } from "./run-checks-button";

type Props = {
  projectId: string;
  checks: CheckView[];
  /** The latest results per check id, newest first (recentCheckResults). */
  results: Record<string, CheckResultView[]>;
  /** Items whose approved waiver decides them, whatever their checks say. */
  waivedItemIds: Set<string>;
  canRun: boolean;
};

// On a phone each row is a block of labelled lines; from md up, a table.
const cell = "max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-2 max-md:py-0.5 md:px-3 md:py-2.5 md:align-top";
const label = "text-xs text-slate-500 md:hidden";

/** Every check of a project: its item, kind, target, state, last and next run, latest results and a re-check. */
export function ChecksTable({ projectId, checks, results, waivedItemIds, canRun }: Props) {
  return (
    <table className="w-full text-sm" data-testid="checks-table">
      <thead className="border-b border-slate-200 text-left text-xs font-medium uppercase tracking-wide text-slate-500 max-md:hidden">
        <tr>
          <th scope="col" className="px-3 py-2">Item</th>
          <th scope="col" className="px-3 py-2">Check</th>
          <th scope="col" className="px-3 py-2">State</th>
          <th scope="col" className="px-3 py-2">Last run</th>
          <th scope="col" className="px-3 py-2">Next run</th>
          <th scope="col" className="px-3 py-2">History</th>
          {canRun && (
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {checks.map((check) => {
          const target = checkTarget(check.settings);
          return (
            <tr key={check.id} className="max-md:block max-md:py-3" data-testid="check-row" data-check-id={check.id} data-state={check.state}>
              <td className={`${cell} md:max-w-56`}>
                <div className="min-w-0">
                  <Link href={`/projects/${projectId}/items/${check.itemId}`} className="font-medium text-indigo-600 hover:underline">
                    {check.itemTitle}
                  </Link>
                  <code className="block break-all text-xs text-slate-600">{check.itemKey}</code>
                </div>
              </td>
              <td className={`${cell} md:max-w-72`}>
                <div className="min-w-0">
                  <span className="text-slate-900">{CHECK_KIND_LABEL[check.kind]}</span>
                  <code className="block break-all text-xs text-slate-600">{target}</code>
                </div>
              </td>
              <td className={cell}>
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <CheckStateBadge check={check} />
                  {check.state === "FAILING" && check.failingSince && (
                    <span className="whitespace-nowrap text-xs text-red-700">
                      since <SinceMoment iso={check.failingSince} />
                    </span>
                  )}
                </div>
                {check.state === "FAILING" && waivedItemIds.has(check.itemId) && <span className="block text-xs text-violet-700">Waived — the waiver decides</span>}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>Last run</span>
                {check.lastRunAt ? <RelativeMoment iso={check.lastRunAt} /> : <span className="text-slate-500">Never</span>}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>Next run</span>
                {check.nextRunAt ? <RelativeMoment iso={check.nextRunAt} of="due" /> : <span className="text-slate-500">—</span>}
              </td>
              <td className={cell}>
                <span className={label}>History</span>
                <ResultDots results={results[check.id] ?? []} label={`Latest results of ${check.itemKey}`} />
              </td>
              {canRun && (
                <td className={`${cell} md:text-right`}>
                  <RunChecksButton target={{ checkId: check.id }} accessibleName={`Re-check ${check.itemKey} now`} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
