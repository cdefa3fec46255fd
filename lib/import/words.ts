// How readiness documents write statuses, priorities and efforts, read into
// Shipshape's words. Glyphs decide before words ("🚧 Framework ready" is in
// progress, whatever "ready" says), except that "N/A" and "Unknown" always win.
import type { ItemStatus, Priority } from "@/lib/domain/readiness/vocabulary";

const GLYPHS: [RegExp, ItemStatus][] = [
  [/✅|✔|☑|✓|●|🟢/u, "DONE"],
  [/🚧|◐|⚠|⚙|🟡|🟠|⏳|🔄/u, "PARTIAL"],
  [/❌|✗|✘|○|☐|⬜|🔴|⛔/u, "MISSING"],
];

const WORDS: [RegExp, ItemStatus][] = [
  [/\b(n\/?a|not applicable|not needed|out of scope|skip(ped)?)\b/i, "NOT_APPLICABLE"],
  // Unknown is not done; a waiver accepts an item that is not done.
  [/\bunknown\b|\?\?|\bwaived\b/i, "MISSING"],
  [/\b(not (yet )?(done|implemented|started|configured|ready)|missing|todo|to do|no|none|absent|open|gap|pending)\b/i, "MISSING"],
  [/\b(partial(ly)?|in progress|wip|started|needs? work|needs? config|incomplete|some|planned|ongoing|draft)\b/i, "PARTIAL"],
  [/\b(done|complete(d)?|yes|implemented|ready|passing|exists|configured|in place|finished|live|enabled|ok)\b/i, "DONE"],
];

export type StatusReading = { status: ItemStatus; recognised: boolean };

export function readStatus(text: string): StatusReading | null {
  const cell = text.trim();
  if (!cell) return null;
  const explicit = WORDS.slice(0, 2).find(([pattern]) => pattern.test(cell));
  if (explicit) return { status: explicit[1], recognised: true };
  const glyph = GLYPHS.find(([pattern]) => pattern.test(cell));
  if (glyph) return { status: glyph[1], recognised: true };
  const word = WORDS.find(([pattern]) => pattern.test(cell));
  return word ? { status: word[1], recognised: true } : { status: "MISSING", recognised: false };
}

const PRIORITY_WORDS: [RegExp, Priority][] = [
  [/\b(critical|blocker|blocking|must|p0|highest|urgent|severe|showstopper)\b/i, "CRITICAL"],
  [/\b(high|should|p1|major|important)\b/i, "HIGH"],
  [/\b(medium|moderate|nice( to have)?|p2|normal|could)\b/i, "MEDIUM"],
  [/\b(low|minor|p3|later|trivial|won't|wont)\b/i, "LOW"],
];

export function readPriority(text: string): Priority | null {
  return PRIORITY_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

// A cell that says, in words, that nobody has weighed the item yet: "Needs
// triage" (Shipshape's own report), "TBD", "unknown", "—".
export const saysNoPriority = (text: string) => /^(needs? triage|untriaged|tbd|to be decided|unknown|none|n\/a|[-–—?]+)$/i.test(text.trim());

const UNIT_HOURS: [RegExp, number][] = [
  [/^(m|mins?|minutes?)$/i, 1 / 60],
  [/^(h|hrs?|hours?)$/i, 1],
  [/^(d|days?)$/i, 8],
  [/^(w|wks?|weeks?)$/i, 40],
];

// "2 days", "8 hours", "30 min", "1 week", "1.5d", "2-3 days" (the upper
// end: estimates are planned for the worst case). Hours; null when unreadable.
export function readEffort(text: string): number | null {
  // Figures of at most nine digits: an unbounded run restarts at every digit of a long number (quadratic).
  const match = /(\d{1,9}(?:[.,]\d{1,9})?)(?:\s*(?:-|–|to)\s*(\d{1,9}(?:[.,]\d{1,9})?))?\s*([a-z]+)/i.exec(text.trim());
  if (!match) return null;
  const amount = Number((match[2] ?? match[1]).replace(",", "."));
  const unit = UNIT_HOURS.find(([pattern]) => pattern.test(match[3]));
  if (!unit || !Number.isFinite(amount)) return null;
  return Math.round(amount * unit[1] * 100) / 100;
}
