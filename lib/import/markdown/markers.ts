// The small marks a reader takes in without thinking: a status glyph that
// opens a line, a task box other than [ ] and [x], a pick-one status line, a
// priority heading or label, a legend, a verdict about the whole document.
import type { PhrasingContent } from "mdast";
import type { ItemStatus, Priority } from "@/lib/domain/readiness/vocabulary";
import { readPriority, readStatus } from "@/lib/import/words";
import { cleanName } from "./names";

// Glyphs that open a line as its status. ● and ○ are left out: documents use
// them as plain bullets too.
const LEADING: [RegExp, ItemStatus][] = [
  [/^(?:✅|✔|☑|✓|🟢)/u, "DONE"],
  [/^(?:🚧|◐|⚠|🟡|🟠|⏳|🔄)/u, "PARTIAL"],
  [/^(?:❌|✗|✘|⬜|🔴|⛔|🚫)/u, "MISSING"],
];
const ANY_GLYPH = /✅|✔|☑|✓|🟢|🚧|◐|⚠|🟡|🟠|⏳|🔄|❌|✗|✘|⬜|🔴|⛔|🚫/u;

/** "❌ CI pipeline" → { status: "MISSING", rest: "CI pipeline" }; null when the text does not open with a status glyph. */
export function leadingGlyph(text: string): { status: ItemStatus; rest: string } | null {
  const trimmed = text.trimStart();
  for (const [pattern, status] of LEADING) {
    const match = pattern.exec(trimmed);
    if (match) return { status, rest: trimmed.slice(match[0].length).replace(/^[\ufe0f\u200d\s]+/u, "") };
  }
  return null;
}

export const hasStatusGlyph = (text: string) => ANY_GLYPH.test(text);

// Boxes GitHub does not tick but people write: [~] and [/] half done, [-] struck out.
const OTHER_BOX: Record<string, ItemStatus> = { "~": "PARTIAL", "/": "PARTIAL", "-": "NOT_APPLICABLE" };

/** "[~] Retention policy" → { status: "PARTIAL", length: 4 } (the characters the marker and its space take); null otherwise. */
export function otherTaskBox(text: string): { status: ItemStatus; length: number } | null {
  const match = /^\[([~/-])\]\s+/.exec(text);
  return match ? { status: OTHER_BOX[match[1]], length: match[0].length } : null;
}

// ── Pick-one status lines: "[ ] Complete | [x] At risk | [ ] Blocked" ───────

/** The option ticked on a pick-one line ("" when none is); null when the text is not a pick-one line. */
export function pickedOption(text: string): string | null {
  const parts = text.split(/\[([ xX✓✔])\]/u);
  // parts: [before, box, label, box, label, …]
  if (parts.length < 5) return null;
  const picked: string[] = [];
  for (let index = 1; index < parts.length; index += 2) {
    if (parts[index] !== " ") picked.push(parts[index + 1].replace(/[|/,;]+\s*$/, "").trim());
  }
  return picked.join(", ");
}

// Words of pick-one lines that the status vocabulary does not carry.
const OPTION_WORDS: [RegExp, ItemStatus][] = [
  [/^(at risk|on track|in review|behind)$/i, "PARTIAL"],
  [/^(blocked|not started|off track)$/i, "MISSING"],
];

export function readOption(text: string): { status: ItemStatus; recognised: boolean } | null {
  const word = OPTION_WORDS.find(([pattern]) => pattern.test(text.trim()));
  return word ? { status: word[1], recognised: true } : readStatus(text);
}

// ── Priority headings and labels ────────────────────────────────────────────

const PRIORITY_LABEL =
  /^(?:priority\s*[:\-–—]?\s*)?(p[0-3]|critical|high|medium|low|must|should|could|nice|important|mandatory|required|essential|recommended|optional|blockers?)(?:\s*[:\-–—]?\s*priority)?(?:[\s-]+(?:to[\s-]+)?(?:have|fix(?:es)?|items?|issues?|requirements?|tasks?|gaps?|findings?|blockers?))?$/i;
const LABEL_WORDS: [RegExp, Priority][] = [
  [/^(mandatory|required|essential|blockers?)$/i, "CRITICAL"],
  [/^recommended$/i, "HIGH"],
  [/^optional$/i, "MEDIUM"],
];

/**
 * The priority a heading or bold label names, when that is all it names:
 * "Priority HIGH (core)", "Important (should fix soon)", "Mandatory (MUST
 * HAVE)", "Nice to have". null for anything else ("High availability").
 */
export function priorityLabel(text: string): Priority | null {
  // Trailing colons, spaces and markup are cut one character at a time:
  // `[\s:*_]+$` restarts at every character of a long run of spaces (quadratic).
  let end = text.length;
  while (end > 0 && /[\s:：*_]/u.test(text[end - 1])) end -= 1;
  const match = PRIORITY_LABEL.exec(cleanName(text.slice(0, end), { dropRemark: true }));
  if (!match) return null;
  return LABEL_WORDS.find(([pattern]) => pattern.test(match[1]))?.[1] ?? readPriority(match[0]);
}

/** A priority drawn as an image (`![High][high]`, a badge) in an item: the priority, with the image removed from its text. */
export function priorityImages(nodes: readonly PhrasingContent[]): { nodes: PhrasingContent[]; priority: Priority | null } {
  let priority: Priority | null = null;
  const kept = nodes.filter((node) => {
    if (node.type !== "image" && node.type !== "imageReference") return true;
    const read = node.alt ? priorityLabel(node.alt) : null;
    if (read) priority ??= read;
    return !read;
  });
  return { nodes: kept, priority };
}

// ── What looks like an item and is not ──────────────────────────────────────

// "✅ Done", "❌ = Missing", "✅ Done ⚠️ Partial ❌ Missing": a legend.
export const isLegend = (title: string) =>
  hasStatusGlyph(title) ||
  /^[=:]|\s=\s/.test(title) ||
  /^(done|complete(d)?|partial(ly)?|missing|not (started|done|implemented)|in progress|blocked|at risk|yes|no|n\/a|pending|todo|ready|implemented|passed|failed|ok|unknown)$/i.test(title);

// "Note: …", "Status: …": a labelled remark, not an item.
// "Last updated: 2027-01-04", "Version: 2": facts about the document, not items.
// "12/15 checks passing": a count of items, not one.
export const isLabelledRemark = (title: string) =>
  /^(note|warning|caution|tip|important|status|result|verdict|summary|overall|conclusion|legend|key|info|(last )?updated|date|version|author|owner|reviewers?|reviewed( by| on)?|generated|prepared by|next review|score|progress|total)\b[^:]{0,20}[:\-–—]/i.test(title) ||
  /^\d+\s*\/\s*\d+\b/.test(title);

// A verdict about the whole document: "READY FOR PRODUCTION", "Approved for
// launch", "GO". A bare "Production ready" is an item's status unless it is
// shouted, as verdicts are.
export function isVerdict(text: string): boolean {
  const said = cleanName(text);
  return (
    /\b(not\s+)?(ready|approved|cleared|certified|good)\s+(for|to)\s+(production|prod|launch|release|go[- ]live|ship|deploy(ment)?)\b|^(go|no[- ]go|approved|rejected|ship it)$/i.test(said) ||
    (/^(NOT )?(PRODUCTION|LAUNCH)[- ]READY$/.test(said))
  );
}

// Headings that close a document with a verdict rather than name a gap.
export const isVerdictHeading = (text: string) =>
  /^(((executive|overall|final|project|launch|readiness|current)\s+)?(summary|overview|conclusions?|verdict|assessment|status|decision|recommendations?|sign[- ]?off|score)|go\s*\/\s*no[- ]go)$/i.test(
    cleanName(text, { dropRemark: true }),
  );
