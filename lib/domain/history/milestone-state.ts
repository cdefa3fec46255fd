// What a milestone keeps of a project (its items' standings and evidence, and
// the headline numbers), and the comparison of two such states: what the
// report calls "what changed since the last milestone".
import { isSatisfied } from "@/lib/domain/readiness/standing";
import type { LevelNumber } from "@/lib/domain/readiness/score";
import type { EvidenceKind, ItemPriority, Standing } from "@/lib/domain/readiness/vocabulary";
import { allItems, type ProjectReport } from "@/lib/domain/report/report";

const MILESTONE_STATE_VERSION = 1;

export type StateEvidence = { kind: EvidenceKind; label: string; url: string | null; path: string | null; expiresAt: string | null };

export type StateItem = {
  key: string;
  title: string;
  category: string;
  priority: ItemPriority;
  standing: Standing;
  owner: string | null;
  evidence: StateEvidence[];
};

export type ReadinessState = {
  version: typeof MILESTONE_STATE_VERSION;
  takenAt: string;
  readinessPercent: number;
  level: LevelNumber;
  levelName: string;
  launchBlockers: number;
  remainingEffortHours: number;
  items: StateItem[];
};

export function stateOfReport(report: ProjectReport): ReadinessState {
  return {
    version: MILESTONE_STATE_VERSION,
    takenAt: report.generatedAt,
    readinessPercent: report.summary.readinessPercent,
    level: report.summary.level,
    levelName: report.summary.levelName,
    launchBlockers: report.summary.launchBlockers,
    remainingEffortHours: report.summary.remainingEffortHours,
    items: allItems(report).map((item) => ({
      key: item.key,
      title: item.title,
      category: item.category,
      priority: item.priority,
      standing: item.standing,
      owner: item.owner,
      evidence: item.evidence.map(({ kind, label, url, path, expiresAt }) => ({ kind, label, url, path, expiresAt })),
    })),
  };
}

type StateLabel = { name: string; takenAt: string };

type ItemRef = { key: string; title: string; category: string; priority: ItemPriority };
type StandingChange = ItemRef & { from: Standing; to: Standing };
type EvidenceChange = ItemRef & { evidence: StateEvidence };

export type StateComparison = {
  from: StateLabel & { readinessPercent: number; level: LevelNumber; levelName: string; launchBlockers: number; remainingEffortHours: number };
  to: StateLabel & { readinessPercent: number; level: LevelNumber; levelName: string; launchBlockers: number; remainingEffortHours: number };
  percentChange: number;
  levelChange: number;
  remainingEffortChange: number;
  statusChanges: StandingChange[];
  newBlockers: (ItemRef & { owner: string | null })[];
  clearedBlockers: ItemRef[];
  evidenceAdded: EvidenceChange[];
  evidenceExpired: EvidenceChange[];
  evidenceRemoved: EvidenceChange[];
  itemsAdded: ItemRef[];
  itemsRemoved: ItemRef[];
};

const isBlocker = (item: StateItem) => item.priority === "CRITICAL" && item.standing !== "NOT_APPLICABLE" && !isSatisfied(item.standing);
// A piece of evidence is the same piece if it points at the same place.
const evidenceIdentity = (e: StateEvidence) => `${e.kind} ${e.url ?? e.path ?? e.label}`;
const expiredAt = (e: StateEvidence, at: string) => e.expiresAt !== null && Date.parse(e.expiresAt) <= Date.parse(at);
const refOf = ({ key, title, category, priority }: StateItem): ItemRef => ({ key, title, category, priority });
const headline = (state: ReadinessState, label: string) => ({
  name: label,
  takenAt: state.takenAt,
  readinessPercent: state.readinessPercent,
  level: state.level,
  levelName: state.levelName,
  launchBlockers: state.launchBlockers,
  remainingEffortHours: state.remainingEffortHours,
});

// Items are matched by key, so renaming an item is not "removed and added".
export function compareStates(from: ReadinessState, fromName: string, to: ReadinessState, toName: string): StateComparison {
  const before = new Map(from.items.map((item) => [item.key, item]));
  const after = new Map(to.items.map((item) => [item.key, item]));
  const comparison: StateComparison = {
    from: headline(from, fromName),
    to: headline(to, toName),
    percentChange: to.readinessPercent - from.readinessPercent,
    levelChange: to.level - from.level,
    remainingEffortChange: Math.round((to.remainingEffortHours - from.remainingEffortHours) * 100) / 100,
    statusChanges: [],
    newBlockers: [],
    clearedBlockers: [],
    evidenceAdded: [],
    evidenceExpired: [],
    evidenceRemoved: [],
    itemsAdded: [],
    itemsRemoved: [],
  };

  for (const item of to.items) {
    const old = before.get(item.key);
    if (!old) {
      comparison.itemsAdded.push(refOf(item));
      if (isBlocker(item)) comparison.newBlockers.push({ ...refOf(item), owner: item.owner });
      for (const evidence of item.evidence) comparison.evidenceAdded.push({ ...refOf(item), evidence });
      continue;
    }
    if (old.standing !== item.standing) comparison.statusChanges.push({ ...refOf(item), from: old.standing, to: item.standing });
    if (isBlocker(item) && !isBlocker(old)) comparison.newBlockers.push({ ...refOf(item), owner: item.owner });
    if (!isBlocker(item) && isBlocker(old)) comparison.clearedBlockers.push(refOf(item));
    const oldEvidence = new Map(old.evidence.map((e) => [evidenceIdentity(e), e]));
    const newEvidence = new Set(item.evidence.map(evidenceIdentity));
    for (const evidence of item.evidence) {
      const was = oldEvidence.get(evidenceIdentity(evidence));
      if (!was) comparison.evidenceAdded.push({ ...refOf(item), evidence });
      else if (expiredAt(evidence, to.takenAt) && !expiredAt(was, from.takenAt)) comparison.evidenceExpired.push({ ...refOf(item), evidence });
    }
    for (const evidence of old.evidence) if (!newEvidence.has(evidenceIdentity(evidence))) comparison.evidenceRemoved.push({ ...refOf(item), evidence });
  }
  for (const item of from.items) {
    if (after.has(item.key)) continue;
    comparison.itemsRemoved.push(refOf(item));
    if (isBlocker(item)) comparison.clearedBlockers.push(refOf(item));
  }
  return comparison;
}

export const nothingChanged = (c: StateComparison) =>
  c.percentChange === 0 &&
  c.levelChange === 0 &&
  [c.statusChanges, c.newBlockers, c.clearedBlockers, c.evidenceAdded, c.evidenceExpired, c.evidenceRemoved, c.itemsAdded, c.itemsRemoved].every((list) => list.length === 0);

// "+12 points", "−3 points", "no change".
export function signedPoints(change: number, unit = "point"): string {
  if (change === 0) return "no change";
  const size = Math.abs(change);
  return `${change > 0 ? "+" : "−"}${size} ${unit}${size === 1 ? "" : "s"}`;
}
