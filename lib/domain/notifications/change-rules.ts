// What a change to a project or a check's run makes worth telling someone,
// judged by comparing the state before with the state after. Pure, so that
// "a change that moves nothing tells no one" is a tested rule.
import type { CheckState } from "@/lib/domain/checks/verdict";
import { LEVEL_NAME, type LevelNumber } from "@/lib/domain/readiness/score";
import type { NotificationKind } from "./kinds";

/**
 * LEVEL_RAISED or LEVEL_LOWERED when the launch level moved from `previous`
 * to `current`; null when it did not, or when there was no previous state
 * (a new project starts where it is, which is no news).
 */
export function levelChange(previous: LevelNumber | null, current: LevelNumber): Extract<NotificationKind, "LEVEL_RAISED" | "LEVEL_LOWERED"> | null {
  if (previous === null || previous === current) return null;
  return current > previous ? "LEVEL_RAISED" : "LEVEL_LOWERED";
}

/** "Checkout rose to Level 2 — Launch ready (from Level 1)". */
export function levelSummary(projectName: string, previous: LevelNumber, current: LevelNumber): string {
  const name = (level: LevelNumber) => (level > 0 ? `Level ${level} — ${LEVEL_NAME[level]}` : "no level");
  return current > previous
    ? `${projectName} rose to ${name(current)} (from ${name(previous)})`
    : `${projectName} fell to ${name(current)} (from ${name(previous)})`;
}

/**
 * The launch blockers in `current` that were not in `previous`, in
 * `current`'s order. Nothing when the previous set is unknown (null: the
 * project's first state, or one recorded before blockers were kept): what
 * was always there is not new.
 */
export function newBlockers(previous: readonly string[] | null, current: readonly string[]): string[] {
  if (previous === null) return [];
  const before = new Set(previous);
  return current.filter((id) => !before.has(id));
}

/**
 * CHECK_FAILING when a check's run made it fail (from passing, or from its
 * first verdict), CHECK_RECOVERED when a failing check passes again; null
 * while its state stays as it was (a check failing run after run tells once).
 */
export function checkTransition(before: CheckState, after: CheckState): Extract<NotificationKind, "CHECK_FAILING" | "CHECK_RECOVERED"> | null {
  if (before === after) return null;
  if (after === "FAILING") return "CHECK_FAILING";
  if (before === "FAILING" && after === "PASSING") return "CHECK_RECOVERED";
  return null;
}
