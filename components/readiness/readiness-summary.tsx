import Link from "next/link";
import { formatDaysAway, formatDay, formatEffortAtLeast, needsTriageText } from "@/lib/domain/format";
import { levelLabel, type Readiness } from "@/lib/domain/readiness/score";
import { PRIORITY_LABEL } from "@/lib/domain/readiness/vocabulary";
import type { ItemView } from "@/lib/server/read-models/item-view";
import { cn } from "@/components/ui/cn";
import { ReadinessMeter } from "./readiness-meter";

type Props = {
  projectId: string;
  readiness: Readiness;
  blockers: ItemView[];
  nextLevelItems: ItemView[];
  targetDate: string | null;
  daysToTarget: number | null;
};

function Stat({ label, value, detail, tone }: { label: string; value: string; detail?: React.ReactNode; tone?: "bad" | "good" }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className={cn("mt-1 text-2xl font-semibold tabular-nums", tone === "bad" ? "text-red-600" : tone === "good" ? "text-emerald-600" : "text-slate-900")}>
        {value}
      </p>
      {detail && <div className="mt-1 text-xs text-slate-500">{detail}</div>}
    </div>
  );
}

export function ReadinessSummary({ projectId, readiness, blockers, nextLevelItems, targetDate, daysToTarget }: Props) {
  const next = readiness.nextLevel;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,2fr)]">
      <section aria-label="Readiness" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Production readiness</p>
        <div className="mt-1 flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <p className="text-6xl font-bold tracking-tight text-slate-900 tabular-nums" data-testid="readiness-percent">
            {readiness.percent}%
          </p>
          <p className="text-lg font-semibold text-indigo-700" data-testid="readiness-level">
            {levelLabel(readiness.level)}
          </p>
        </div>
        <ReadinessMeter percent={readiness.percent} className="mt-4" />
        <p className="mt-2 text-xs text-slate-500">
          {readiness.counts.DONE} done · {readiness.counts.WAIVED} waived · {readiness.counts.PARTIAL} partial ·{" "}
          {readiness.counts.NEEDS_EVIDENCE + readiness.counts.STALE > 0 && `${readiness.counts.NEEDS_EVIDENCE + readiness.counts.STALE} done without current evidence · `}
          {readiness.counts.NOT_EVALUATED > 0 && `${readiness.counts.NOT_EVALUATED} not evaluated yet · `}
          {readiness.counts.MISSING} missing · {readiness.counts.NOT_APPLICABLE} n/a
        </p>
        {readiness.needsTriage > 0 && (
          <p role="status" data-testid="needs-triage" className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            <Link href={`/projects/${projectId}?priority=NONE#items`} className="font-semibold underline decoration-amber-400 hover:decoration-amber-800">
              {needsTriageText(readiness.needsTriage)}
            </Link>
            : nobody has given {readiness.needsTriage === 1 ? "it" : "them"} a priority yet, so this project can claim no level above 1 until{" "}
            {readiness.needsTriage === 1 ? "it is" : "they are"} prioritised.
          </p>
        )}
        {next ? (
          <div className="mt-4 rounded-lg bg-indigo-50 p-3 text-sm text-indigo-900">
            <p className="font-medium">
              Next: Level {next.level} — {next.name}
            </p>
            <p className="mt-0.5 text-indigo-800">
              {next.outstanding === 0 && next.needsTriage === 0
                ? "Add applicable items to start."
                : [
                    next.outstanding > 0 && `${next.outstanding} ${next.priorities.map((p) => PRIORITY_LABEL[p].toLowerCase()).join(" or ")} item${next.outstanding === 1 ? "" : "s"} still to finish`,
                    next.needsTriage > 0 && `${next.needsTriage} item${next.needsTriage === 1 ? "" : "s"} to prioritise`,
                  ]
                    .filter(Boolean)
                    .join(" and ") + ":"}
            </p>
            {nextLevelItems.length > 0 && (
              <ul className="mt-1.5 space-y-0.5">
                {nextLevelItems.slice(0, 4).map((item) => (
                  <li key={item.id} className="truncate">
                    <Link href={`/projects/${projectId}/items/${item.id}`} className="underline decoration-indigo-300 hover:decoration-indigo-700">
                      {item.title}
                    </Link>
                  </li>
                ))}
                {nextLevelItems.length > 4 && <li className="text-indigo-700">and {nextLevelItems.length - 4} more</li>}
              </ul>
            )}
          </div>
        ) : (
          <p className="mt-4 rounded-lg bg-emerald-50 p-3 text-sm font-medium text-emerald-800">Every applicable item is done. Ship it.</p>
        )}
      </section>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-3">
        <Stat
          label="Launch blockers"
          value={String(readiness.launchBlockers)}
          // Zero is good news only when every item has been weighed.
          tone={readiness.launchBlockers > 0 ? "bad" : readiness.needsTriage > 0 ? undefined : "good"}
          detail={
            blockers.length > 0 ? (
              <Link href={`/projects/${projectId}?priority=CRITICAL&open=1#items`} className="text-red-700 hover:underline">
                Critical items not done
              </Link>
            ) : readiness.needsTriage > 0 ? (
              "None among prioritised items; untriaged ones may hide some"
            ) : (
              "No critical item open"
            )
          }
        />
        <Stat
          label="Remaining effort"
          value={formatEffortAtLeast(readiness.remainingEffortHours, readiness.unestimatedItems)}
          detail={
            readiness.unestimatedItems > 0 ? (
              <span data-testid="unestimated-items">
                {readiness.unestimatedItems} open item{readiness.unestimatedItems === 1 ? "" : "s"} not estimated
              </span>
            ) : (
              "Missing in full, partial at half"
            )
          }
        />
        <Stat
          label="Target launch"
          value={targetDate ? formatDay(targetDate) : "—"}
          tone={daysToTarget !== null && daysToTarget < 0 ? "bad" : undefined}
          detail={formatDaysAway(daysToTarget)}
        />
        <Stat label="Critical" value={`${readiness.byPriority.CRITICAL.DONE + readiness.byPriority.CRITICAL.WAIVED}/${readiness.byPriority.CRITICAL.DONE + readiness.byPriority.CRITICAL.WAIVED + readiness.launchBlockers}`} detail="done or waived" />
        <Stat
          label="Needs evidence"
          value={String(readiness.counts.NEEDS_EVIDENCE + readiness.counts.STALE)}
          tone={readiness.counts.NEEDS_EVIDENCE + readiness.counts.STALE > 0 ? "bad" : undefined}
          detail={`Done, counted as partial: ${readiness.counts.NEEDS_EVIDENCE} without evidence, ${readiness.counts.STALE} expired`}
        />
        <Stat label="Items" value={String(readiness.total)} detail={`${readiness.applicable} applicable`} />
      </div>
    </div>
  );
}
