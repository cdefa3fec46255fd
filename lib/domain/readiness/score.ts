// The one definition of readiness (DESIGN.md). Everything that shows a
// percentage, a level, blockers or remaining effort goes through scoreTally:
// pages tally their items here, the portfolio tallies in SQL and hands the
// same tally shape over.
import { CREDIT_HALVES, isOpen, standingOf, type ScorableItem } from "./standing";
import { PRIORITY_GROUPS, priorityGroupOf, STANDINGS, weightOf, type Priority, type PriorityGroup, type Standing, type Weights } from "./vocabulary";

// Items of one priority group and standing: how many, their summed effort
// estimate (hours) and how many of them have no estimate at all.
type TallyCell = { count: number; effortHours: number; unestimated: number };
export type Tally = Record<PriorityGroup, Record<Standing, TallyCell>>;

export function emptyTally(): Tally {
  const row = () => Object.fromEntries(STANDINGS.map((s) => [s, { count: 0, effortHours: 0, unestimated: 0 }])) as Record<Standing, TallyCell>;
  return Object.fromEntries(PRIORITY_GROUPS.map((p) => [p, row()])) as Tally;
}

export function addToTally(tally: Tally, group: PriorityGroup, standing: Standing, count = 1, effortHours = 0, unestimated = 0): Tally {
  const cell = tally[group][standing];
  cell.count += count;
  cell.effortHours += effortHours;
  cell.unestimated += unestimated;
  return tally;
}

export function tallyItems(items: readonly ScorableItem[], now: Date): Tally {
  const tally = emptyTally();
  for (const item of items) addToTally(tally, priorityGroupOf(item.priority), standingOf(item, now), 1, item.effortHours ?? 0, item.effortHours === null ? 1 : 0);
  return tally;
}

export type LevelNumber = 0 | 1 | 2 | 3;

// Cumulative launch gates: each level needs every item of its priorities done.
export const LEVELS = [
  { level: 1, name: "Blockers cleared", priorities: ["CRITICAL"] },
  { level: 2, name: "Launch ready", priorities: ["CRITICAL", "HIGH"] },
  { level: 3, name: "Production grade", priorities: ["CRITICAL", "HIGH", "MEDIUM", "LOW"] },
] as const satisfies readonly { level: LevelNumber; name: string; priorities: readonly Priority[] }[];

export const LEVEL_NAME: Record<LevelNumber, string> = {
  0: "Not launch ready",
  1: LEVELS[0].name,
  2: LEVELS[1].name,
  3: LEVELS[2].name,
};

// "Level 2 — Launch ready", or "Not launch ready" below the first gate.
export const levelLabel = (level: LevelNumber) => (level > 0 ? `Level ${level} — ${LEVEL_NAME[level]}` : LEVEL_NAME[0]);

export type Readiness = {
  // Σ weight × credit / Σ weight over applicable items, rounded down.
  percent: number;
  total: number;
  applicable: number;
  counts: Record<Standing, number>;
  byPriority: Record<PriorityGroup, Record<Standing, number>>;
  // Applicable CRITICAL items that are neither done nor validly waived.
  launchBlockers: number;
  // Applicable items nobody has given a priority yet. While there are any,
  // the level is what the triaged items reach, and never above 1.
  needsTriage: number;
  level: LevelNumber;
  // The next gate and what stands between the project and it: open items of
  // its priorities, and items to triage first (gates above 1 only).
  nextLevel: { level: LevelNumber; name: string; outstanding: number; needsTriage: number; priorities: readonly Priority[] } | null;
  // Effort of what is not done: missing in full, partial, stale and
  // needs-evidence at half. A lower bound when unestimatedItems > 0.
  remainingEffortHours: number;
  // Applicable items not done or validly waived, and how many of them have
  // no effort estimate.
  openItems: number;
  unestimatedItems: number;
};

// The highest gate a project with items to triage may claim (DESIGN.md).
const UNTRIAGED_LEVEL_CAP = 1;

export function scoreTally(tally: Tally, weights: Weights): Readiness {
  let weightTotal = 0;
  let earnedHalves = 0;
  let total = 0;
  let applicable = 0;
  let remainingEffortHours = 0;
  let unestimatedItems = 0;
  let openItems = 0;
  const counts = Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<Standing, number>;
  const byPriority = {} as Record<PriorityGroup, Record<Standing, number>>;
  const outstanding = {} as Record<PriorityGroup, number>;
  const applicableIn = {} as Record<PriorityGroup, number>;
  for (const group of PRIORITY_GROUPS) {
    byPriority[group] = Object.fromEntries(STANDINGS.map((s) => [s, tally[group][s].count])) as Record<Standing, number>;
    outstanding[group] = 0;
    applicableIn[group] = 0;
    const weight = weightOf(weights, group);
    for (const standing of STANDINGS) {
      const { count, effortHours, unestimated } = tally[group][standing];
      counts[standing] += count;
      total += count;
      if (standing === "NOT_APPLICABLE") continue;
      applicable += count;
      applicableIn[group] += count;
      weightTotal += weight * count;
      earnedHalves += weight * CREDIT_HALVES[standing] * count;
      if (!isOpen(standing)) continue;
      outstanding[group] += count;
      openItems += count;
      unestimatedItems += unestimated;
      // Partial credit, partial effort: what is half done has half left.
      remainingEffortHours += CREDIT_HALVES[standing] === 0 ? effortHours : effortHours / 2;
    }
  }
  // Integer arithmetic: floor(100 × earned / possible) is below 100 whenever
  // anything applicable is short of done, so 100 % always means all done.
  const percent = weightTotal === 0 ? 0 : Math.floor((100 * earnedHalves) / (2 * weightTotal));
  const needsTriage = applicableIn.UNTRIAGED;
  const triagedApplicable = applicable - needsTriage;
  const outstandingFor = (priorities: readonly Priority[]) => priorities.reduce((sum, p) => sum + outstanding[p], 0);
  let level: LevelNumber = 0;
  let nextLevel: Readiness["nextLevel"] = null;
  for (const gate of LEVELS) {
    const left = outstandingFor(gate.priorities);
    // Unweighed items may hide anything: above the first gate, or when
    // nothing at all has been weighed, they must be triaged first.
    const toTriage = gate.level > UNTRIAGED_LEVEL_CAP || triagedApplicable === 0 ? needsTriage : 0;
    // A project with nothing triaged and applicable has cleared no gate: there is nothing to show for it.
    if (triagedApplicable > 0 && left === 0 && toTriage === 0) {
      level = gate.level;
      continue;
    }
    nextLevel = { level: gate.level, name: gate.name, outstanding: left, needsTriage: toTriage, priorities: gate.priorities };
    break;
  }
  return {
    percent,
    total,
    applicable,
    counts,
    byPriority,
    launchBlockers: outstanding.CRITICAL,
    needsTriage,
    level,
    nextLevel,
    remainingEffortHours: Math.round(remainingEffortHours * 100) / 100,
    openItems,
    unestimatedItems,
  };
}

export function readinessOf(items: readonly ScorableItem[], weights: Weights, now: Date): Readiness {
  return scoreTally(tallyItems(items, now), weights);
}

// The headline numbers as reports and the API state them.
export function headlineOf(readiness: Readiness) {
  return {
    readinessPercent: readiness.percent,
    level: readiness.level,
    levelName: LEVEL_NAME[readiness.level],
    launchBlockers: readiness.launchBlockers,
    needsTriage: readiness.needsTriage,
    remainingEffortHours: readiness.remainingEffortHours,
    openItems: readiness.openItems,
    unestimatedItems: readiness.unestimatedItems,
    total: readiness.total,
    applicable: readiness.applicable,
    counts: readiness.counts,
  };
}
