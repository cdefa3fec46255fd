import { changeGroups, changeHeadline } from "@/lib/domain/history/change-summary";
import type { StateComparison } from "@/lib/domain/history/milestone-state";

// A comparison of two states: the headline movement and the lists of
// changes, as on the report and the history page. `timeZone` is the team's.
export function StateComparisonView({ comparison, timeZone }: { comparison: StateComparison; timeZone: string }) {
  const groups = changeGroups(comparison);
  return (
    <div className="space-y-3 text-sm text-slate-700" data-testid="state-comparison">
      <p>{changeHeadline(comparison, timeZone)}</p>
      {groups.length === 0 && <p className="text-slate-500">No item changed.</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        {groups.map((group) => (
          <div key={group.title} className="break-inside-avoid">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {group.title} ({group.entries.length})
            </h3>
            <ul className="mt-1 space-y-0.5">
              {group.entries.map((entry, index) => (
                <li key={`${entry.key}-${index}`}>
                  {entry.title} <code className="text-xs text-slate-500">{entry.key}</code>
                  {entry.detail && <span className="text-slate-600"> · {entry.detail}</span>}
                  {entry.evidence &&
                    (entry.evidence.url ? (
                      <>
                        {" · "}
                        <a href={entry.evidence.url} rel="noopener noreferrer" className="text-indigo-700 hover:underline">
                          {entry.evidence.label}
                        </a>
                      </>
                    ) : (
                      <span className="text-slate-600"> · {entry.evidence.path ?? entry.evidence.label}</span>
                    ))}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
