// How readiness documents write statuses, priorities and efforts, read into
// Shipshape's words. Glyphs decide before words ("🚧 Framework ready" is in
// progress, whatever "ready" says), except that "N/A" and "Unknown" always win.
import type { ItemStatus, Priority } from "@/lib/domain/readiness/vocabulary";
import { saysShortOfDone, sentenceStatus } from "./status-sentence";

const GLYPHS: [RegExp, ItemStatus][] = [
  [/✅|✔|☑|✓|●|🟢/u, "DONE"],
  [/🚧|◐|⚠|⚙|🟡|🟠|⏳|🔄/u, "PARTIAL"],
  [/❌|✗|✘|○|☐|⬜|🔴|⛔/u, "MISSING"],
];

/** Whether `text` holds a status glyph (✅ ⚠️ ❌ …): how a column shows it is the status without a header anyone can read. */
export const hasStatusGlyph = (text: string): boolean => GLYPHS.some(([pattern]) => pattern.test(text));

// A task box written as text, at the start of a cell: "[x] Code merged".
export const TASK_BOX = /^\s*\[([ xX✓✔~/-]?)\]\s*/u;
/** The status a task box (`[x]`, `[ ]`, `[~]`, `[/]`, `[-]`) gives; null for any other text. */
export function readTaskBox(text: string): ItemStatus | null {
  const box = TASK_BOX.exec(text);
  if (!box) return null;
  if (/^[xX✓✔]$/u.test(box[1])) return "DONE";
  if (box[1] === "~" || box[1] === "/") return "PARTIAL";
  return box[1] === "-" ? "NOT_APPLICABLE" : "MISSING";
}

const WORDS: [RegExp, ItemStatus][] = [
  [/\b(n\/?a|not applicable|not needed|out of scope|skip(ped)?)\b/i, "NOT_APPLICABLE"],
  // Unknown is not done; a waiver accepts an item that is not done.
  [/\bunknown\b|\?\?|\bwaived\b/i, "MISSING"],
  [/\b(not (yet )?(done|implemented|started|configured|ready|in place|set up)|not yet|missing|todo|to do|tbd|no|none|absent|open|gap|pending|blocked|fail(ed|ing|s)?)\b/gi, "MISSING"],
  // "Dev only", "Local only": done somewhere, not everywhere (but "read-only" is a kind of thing).
  [/\b(partial(ly)?|in progress|wip|started|needs? work|needs? config|incomplete|some|planned|ongoing|draft|basic|limited|minimal|mostly)\b|(?<![-\w])only\b/gi, "PARTIAL"],
  [/\b(done|complete(d)?|yes|implemented|ready|passing|exists|configured|in place|finished|live|enabled|ok|pass(ed|es)?)\b/gi, "DONE"],
];

// A done glyph with words that limit it ("✅ Local only", "✅ Done, but no alerts") is partial.
const LIMITED = /(?<![-\w])only\b|\b(but|except|partial(ly)?|basic|limited|mostly|not everywhere)\b/i;

export type StatusReading = { status: ItemStatus; recognised: boolean };

type Found = { start: number; end: number; status: ItemStatus };

// Every status word in the cell, the more cautious reading first where they
// overlap: "not implemented" is missing, not also "implemented". The
// characters already read are marked, so that a cell of many status words
// takes linear time (comparing each word with every earlier one was quadratic).
function statusWords(cell: string): Found[] {
  const found: Found[] = [];
  const taken = new Uint8Array(cell.length);
  for (const [pattern, status] of WORDS.slice(2)) {
    for (const match of cell.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, status });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A status cell or line read into Shipshape's words: null for an empty text;
 * `recognised: false` (and MISSING) when the text says no status a reader
 * would take without thinking, so the caller warns instead of guessing.
 * Task boxes first, then N/A and Unknown, then glyphs, then words: a short
 * text (three words at most) or one that starts with its status word says
 * it; done mixed with missing or partial ("Config exists, but alerting
 * missing") is partial; a longer text is read as a sentence.
 */
export function readStatus(text: string): StatusReading | null {
  const cell = text.trim();
  if (!cell) return null;
  // A pick-one line, "[ ] Complete | [x] At risk | [ ] Blocked": the ticked
  // option is the status; with none ticked the line says nothing yet.
  const options = [...cell.matchAll(/\[([ xX✓✔~/-]?)\]\s*([^[|]*)/gu)];
  if (options.length > 1) {
    const ticked = options.filter((option) => option[1] && option[1] !== " ");
    if (ticked.length === 0) return null;
    return ticked.length === 1 ? readStatus(ticked[0][2]) ?? { status: "MISSING", recognised: false } : { status: "MISSING", recognised: false };
  }
  const box = readTaskBox(cell);
  if (box) return { status: box, recognised: true };
  const explicit = WORDS.slice(0, 2).find(([pattern]) => pattern.test(cell));
  if (explicit) return { status: explicit[1], recognised: true };
  const glyph = GLYPHS.find(([pattern]) => pattern.test(cell));
  if (glyph) return { status: glyph[1] === "DONE" && LIMITED.test(cell) ? "PARTIAL" : glyph[1], recognised: true };
  const found = statusWords(cell);
  const first = found.at(0);
  const rest = first ? cell.slice(first.end) : "";
  // "Partial (only a template)", "Done — see the PR", "Not implemented yet": the status word leads.
  const leads = first !== undefined && /^[^\p{L}\p{N}]*$/u.test(cell.slice(0, first.start)) && (rest === "" || /^\s*[,;:.()\[\]—–-]/.test(rest) || /\s/.test(cell.slice(first.start, first.end)));
  // A sentence is read as a whole: what leads it, and what the rest says against it (status-sentence.ts).
  if (cell.split(/\s+/).length > 3) {
    const status = sentenceStatus(cell, leads ? first.status : null);
    return status ? { status, recognised: true } : { status: "MISSING", recognised: false };
  }
  if (!first) return { status: "MISSING", recognised: false };
  const statuses = new Set(found.map((f) => f.status));
  if (statuses.has("DONE") && statuses.size > 1) return { status: "PARTIAL", recognised: true };
  // "Implemented, needs review", "Done, not tested": done, but not everywhere.
  if (leads || statuses.size === 1) return { status: first.status === "DONE" && saysShortOfDone(cell) ? "PARTIAL" : first.status, recognised: true };
  return { status: "MISSING", recognised: false };
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
