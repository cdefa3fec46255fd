// A comparison of two states in words, for every place that shows one (the
// report page, the history page, Markdown and PDF): a headline sentence and
// one group per kind of change, empty groups left out.
import { formatEffort } from "@/lib/domain/format";
import { dayIn } from "@/lib/domain/readiness/dates";
import { STANDING_GLYPH, STANDING_LABEL, type Standing } from "@/lib/domain/readiness/vocabulary";
import { nothingChanged, signedPoints, type StateComparison, type StateEvidence } from "./milestone-state";

export type ChangeEntry = { key: string; title: string; detail: string | null; evidence: StateEvidence | null };
export type ChangeGroup = { title: string; entries: ChangeEntry[] };

const standingText = (standing: Standing) => `${STANDING_GLYPH[standing]} ${STANDING_LABEL[standing]}`;

/** The comparison in one sentence; the two moments are named by their day in the team's `timeZone`. */
export function changeHeadline(c: StateComparison, timeZone: string): string {
  const { from, to } = c;
  return (
    `From ${from.name} (${dayIn(new Date(from.takenAt), timeZone)}) to ${to.name} (${dayIn(new Date(to.takenAt), timeZone)}): ` +
    `readiness ${from.readinessPercent}% → ${to.readinessPercent}% (${signedPoints(c.percentChange)}), ` +
    `level ${from.level} → ${to.level}, launch blockers ${from.launchBlockers} → ${to.launchBlockers}, ` +
    `remaining effort ${formatEffort(from.remainingEffortHours)} → ${formatEffort(to.remainingEffortHours)}.`
  );
}

export function changeGroups(c: StateComparison): ChangeGroup[] {
  if (nothingChanged(c)) return [];
  const plain = (item: { key: string; title: string }, detail: string | null = null): ChangeEntry => ({ key: item.key, title: item.title, detail, evidence: null });
  const withEvidence = (change: { key: string; title: string; evidence: StateEvidence }): ChangeEntry => ({ key: change.key, title: change.title, detail: null, evidence: change.evidence });
  return [
    { title: "Status changes", entries: c.statusChanges.map((s) => plain(s, `${standingText(s.from)} → ${standingText(s.to)}`)) },
    { title: "New launch blockers", entries: c.newBlockers.map((b) => plain(b, b.owner)) },
    { title: "Cleared launch blockers", entries: c.clearedBlockers.map((b) => plain(b)) },
    { title: "Evidence added", entries: c.evidenceAdded.map(withEvidence) },
    { title: "Evidence expired", entries: c.evidenceExpired.map(withEvidence) },
    { title: "Evidence removed", entries: c.evidenceRemoved.map(withEvidence) },
    { title: "Items added", entries: c.itemsAdded.map((i) => plain(i)) },
    { title: "Items removed", entries: c.itemsRemoved.map((i) => plain(i)) },
  ].filter((group) => group.entries.length > 0);
}
