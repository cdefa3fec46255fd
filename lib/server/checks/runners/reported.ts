// The "reported by CI" check: a pipeline pushes its result; this run only
// asks whether the last one is recent enough, and repeats its verdict.
import type { ReportedCheckSettings } from "@/lib/schemas/check-settings";
import { timed } from "@/lib/server/checks/outcome";
import type { CheckContext, CheckOutcome } from "@/lib/server/checks/types";

const DAY_MS = 86_400_000;

/** Fails when no result came, when the last is older than the window, or when it failed. */
export function run(settings: ReportedCheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  return timed(async () => {
    const now = context.now?.() ?? new Date();
    const last = context.lastReport ?? null;
    const window = `${settings.maxAgeDays} day${settings.maxAgeDays === 1 ? "" : "s"}`;
    if (!last) return { passed: false, summary: `no result reported yet (expected every ${window})`, details: { maxAgeDays: settings.maxAgeDays, reportedAt: null } };
    const ageMs = now.getTime() - last.reportedAt.getTime();
    const ageDays = Math.floor(ageMs / DAY_MS);
    const details = { maxAgeDays: settings.maxAgeDays, reportedAt: last.reportedAt.toISOString(), ageDays, reportedPassed: last.passed, reportedSummary: last.summary ?? null };
    const when = last.reportedAt.toISOString().slice(0, 10);
    if (ageMs > settings.maxAgeDays * DAY_MS) return { passed: false, summary: `last result reported ${ageDays} days ago (${when}), more than ${window}`, details };
    const said = last.summary ? `: ${last.summary}` : "";
    return { passed: last.passed, summary: `${last.passed ? "passed" : "failed"} as reported ${ageDays === 0 ? "today" : `${ageDays} days ago`} (${when})${said}`, details };
  });
}
