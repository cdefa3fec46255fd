// What one result of an automated check does to the check and to its item:
// a pass makes the item Done at once; failures make it the
// check's failing status only after `failuresBeforeFailing` in a row, so one
// flaky answer does not flip a launch checklist. Pure, so the rules are
// tested without a database or a network.
import type { ItemStatus } from "@/lib/domain/readiness/vocabulary";

export const CHECK_STATES = ["PENDING", "PASSING", "FAILING"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** The statuses a failing check may give its item. */
export const FAILING_STATUSES = ["PARTIAL", "MISSING"] as const satisfies readonly ItemStatus[];
export type FailingStatus = (typeof FAILING_STATUSES)[number];

export type CheckStanding = {
  state: CheckState;
  consecutiveFailures: number;
  /** When the current run of failures began; null after a pass. */
  failingSince: Date | null;
};

export type CheckRules = { failuresBeforeFailing: number; failingStatus: FailingStatus };

export type Verdict = CheckStanding & {
  /** The status the item must have now, or null to leave it as it is. */
  itemStatus: ItemStatus | null;
  /** The check's state changed (a first pass, a fall to failing, a recovery). */
  stateChanged: boolean;
};

/**
 * The check after a result that `passed` (or not) at `ranAt`, and what its
 * item must become. An item marked Not applicable is left alone: a person
 * decided the item does not apply, and a check does not overrule that.
 */
export function verdictOf(check: CheckStanding & CheckRules, passed: boolean, ranAt: Date, itemStatus: ItemStatus): Verdict {
  const follow = (status: ItemStatus | null) => (status === null || itemStatus === "NOT_APPLICABLE" || status === itemStatus ? null : status);
  if (passed) {
    return { state: "PASSING", consecutiveFailures: 0, failingSince: null, itemStatus: follow("DONE"), stateChanged: check.state !== "PASSING" };
  }
  const consecutiveFailures = check.consecutiveFailures + 1;
  const failingSince = check.consecutiveFailures === 0 || !check.failingSince ? ranAt : check.failingSince;
  // Below the threshold the check keeps the state it had (Pending stays Pending).
  const state: CheckState = consecutiveFailures >= check.failuresBeforeFailing ? "FAILING" : check.state;
  return {
    state,
    consecutiveFailures,
    failingSince,
    itemStatus: follow(state === "FAILING" ? check.failingStatus : null),
    stateChanged: state !== check.state,
  };
}

/** When the next result is due: a run's time plus the check's interval. */
export const nextRunAfter = (ranAt: Date, intervalMinutes: number): Date => new Date(ranAt.getTime() + intervalMinutes * 60_000);

/**
 * How long a result vouches for its item: until the next result is due plus
 * one more interval (at least 30 minutes) of grace, so one late or skipped
 * run does not turn the item stale, but a check that stopped running does.
 */
export function resultExpiresAt(ranAt: Date, intervalMinutes: number): Date {
  const graceMinutes = Math.max(intervalMinutes, 30);
  return new Date(nextRunAfter(ranAt, intervalMinutes).getTime() + graceMinutes * 60_000);
}
