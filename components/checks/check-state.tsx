"use client";

import { Badge } from "@/components/ui/badge";
import { RelativeMoment, SinceMoment } from "@/components/time/relative-moment";
import type { CheckState } from "@/lib/domain/checks/verdict";
import type { CheckView } from "@/lib/server/read-models/check-view";

const STATE: Record<CheckState, { label: string; glyph: string; tone: "emerald" | "red" | "slate" }> = {
  PASSING: { label: "Passing", glyph: "✓", tone: "emerald" },
  FAILING: { label: "Failing", glyph: "✗", tone: "red" },
  PENDING: { label: "Not evaluated yet", glyph: "…", tone: "slate" },
};

/**
 * The check's state as a badge: Passing, Failing, Not evaluated yet — or,
 * for a check with no verdict yet whose runs have started failing, "Failed 1
 * of 2": the item still waits for its verdict, but the run did fail, and the
 * badge beside a red result must not read as if nothing had run.
 */
export function CheckStateBadge({ check }: { check: Pick<CheckView, "state" | "consecutiveFailures" | "failuresBeforeFailing"> }) {
  const { state, consecutiveFailures, failuresBeforeFailing } = check;
  if (state === "PENDING" && consecutiveFailures > 0) {
    return (
      <Badge tone="amber">
        <span aria-hidden>!</span>
        Failed {consecutiveFailures} of {failuresBeforeFailing}
      </Badge>
    );
  }
  return (
    <Badge tone={STATE[state].tone}>
      <span aria-hidden>{STATE[state].glyph}</span>
      {STATE[state].label}
    </Badge>
  );
}

type StateOf = Pick<CheckView, "state" | "lastRunAt" | "failingSince" | "lastSummary" | "consecutiveFailures" | "failuresBeforeFailing">;

/**
 * The check's standing in words: "Verified 3 h ago", "Failing since 09:12 —
 * 503 from …", "Not evaluated yet", and failures that have not yet made it
 * fail ("1 of 2 failures before it fails").
 */
export function CheckStateLine({ check }: { check: StateOf }) {
  const summary = check.lastSummary ? <span className="break-words text-slate-600"> — {check.lastSummary}</span> : null;
  const counting = check.consecutiveFailures > 0 && check.state !== "FAILING" && (
    <span className="text-amber-700">
      {" "}
      ({check.consecutiveFailures} of {check.failuresBeforeFailing} failures before it fails)
    </span>
  );
  if (check.state === "FAILING") {
    return (
      <p className="text-sm font-medium text-red-700">
        Failing since {check.failingSince ? <SinceMoment iso={check.failingSince} /> : "its last run"}
        {summary}
      </p>
    );
  }
  if (check.state === "PASSING") {
    if (check.consecutiveFailures > 0 && check.lastRunAt) {
      return (
        <p className="text-sm text-slate-800">
          Passing, but the last run failed <RelativeMoment iso={check.lastRunAt} />
          {counting}
          {summary}
        </p>
      );
    }
    return (
      <p className="text-sm font-medium text-emerald-700">
        {check.lastRunAt ? (
          <>
            Verified <RelativeMoment iso={check.lastRunAt} />
          </>
        ) : (
          "Verified"
        )}
        {summary}
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-700">
      Not evaluated yet
      {check.lastRunAt && (
        <>
          {" "}
          — the last run failed <RelativeMoment iso={check.lastRunAt} />
          {counting}
          {summary}
        </>
      )}
    </p>
  );
}
