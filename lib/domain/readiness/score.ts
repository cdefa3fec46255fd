// The one definition of readiness (DESIGN.md). Everything that shows a
// percentage, a level, blockers or remaining effort goes through scoreTally:
// pages tally their items here, the portfolio tallies in SQL and hands the
// same tally shape over.
import { CREDIT_HALVES, isSatisfied, standingOf, type ScorableItem } from "./standing";
import { PRIORITIES, STANDINGS, type Priority, type Standing, type Weights } from "./vocabulary";

export type TallyCell = { count: number; effortHours: number };
export type Tally = Record<Priority, Record<Standing, TallyCell>>;

export function emptyTally(): Tally {
  const row = () => Object.fromEntries(STANDINGS.map((s) => [s, { count: 0, effortHours: 0 }])) as Record<Standing, TallyCell>;
  return Object.fromEntries(PRIORITIES.map((p) => [p, row()])) as Tally;
}

export function addToTally(tally: Tally, priority: Priority, standing: Standing, count = 1, effortHours = 0): Tally {
  const cell = tally[priority][standing];
  cell.count += count;
  cell.effortHours += effortHours;
  return tally;
}

export function tallyItems(items: readonly ScorableItem[], now: Date): Tally {
  const tally = emptyTally();
  for (const item of items) addToTally(tally, item.priority, standingOf(item, now), 1, item.effortHours ?? 0);
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
  byPriority: Record<Priority, Record<Standing, number>>;
  // Applicable CRITICAL items that are neither done nor validly waived.
  launchBlockers: number;
  level: LevelNumber;
  // The next gate and how many items stand between the project and it.
  nextLevel: { level: LevelNumber; name: string; outstanding: number; priorities: readonly Priority[] } | null;
  // Effort of what is not done: missing in full, partial and stale at half.
  remainingEffortHours: number;
};

export function scoreTally(tally: Tally, weights: Weights): Readiness {
  let weightTotal = 0;
  let earnedHalves = 0;
  let total = 0;
  let applicable = 0;
  let remainingEffortHours = 0;
  const counts = Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<Standing, number>;
  const byPriority = {} as Record<Priority, Record<Standing, number>>;
  const outstanding = {} as Record<Priority, number>;

  for (const priority of PRIORITIES) {
    byPriority[priority] = Object.fromEntries(STANDINGS.map((s) => [s, tally[priority][s].count])) as Record<Standing, number>;
    outstanding[priority] = 0;
    for (const standing of STANDINGS) {
      const { count, effortHours } = tally[priority][standing];
      counts[standing] += count;
      total += count;
      if (standing === "NOT_APPLICABLE") continue;
      applicable += count;
      weightTotal += weights[priority] * count;
      earnedHalves += weights[priority] * CREDIT_HALVES[standing] * count;
      if (!isSatisfied(standing)) outstanding[priority] += count;
      if (standing === "MISSING") remainingEffortHours += effortHours;
      if (standing === "PARTIAL" || standing === "STALE") remainingEffortHours += effortHours / 2;
    }
  }

  // Integer arithmetic: floor(100 × earned / possible) is below 100 whenever
  // anything applicable is short of done, so 100 % always means all done.
  const percent = weightTotal === 0 ? 0 : Math.floor((100 * earnedHalves) / (2 * weightTotal));
  const outstandingFor = (priorities: readonly Priority[]) => priorities.reduce((sum, p) => sum + outstanding[p], 0);

  let level: LevelNumber = 0;
  let nextLevel: Readiness["nextLevel"] = null;
  for (const gate of LEVELS) {
    const left = outstandingFor(gate.priorities);
    // A project with nothing applicable has cleared no gate: there is nothing to show for it.
    if (applicable > 0 && left === 0) {
      level = gate.level;
      continue;
    }
    nextLevel = { level: gate.level, name: gate.name, outstanding: left, priorities: gate.priorities };
    break;
  }

  return {
    percent,
    total,
    applicable,
    counts,
    byPriority,
    launchBlockers: outstanding.CRITICAL,
    level,
    nextLevel,
    remainingEffortHours: Math.round(remainingEffortHours * 100) / 100,
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
    remainingEffortHours: readiness.remainingEffortHours,
    total: readiness.total,
    applicable: readiness.applicable,
    counts: readiness.counts,
  };
}
