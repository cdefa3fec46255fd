import type { Heading, Nodes, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { readEffort, readPriority, readStatus } from "@/lib/import/words";
import { categoryFor, type Context } from "./context";
import { blockHoldsItems } from "./lists";
import { hasStatusGlyph, isVerdict, isVerdictHeading, pickedOption, priorityImages, readOption } from "./markers";
import { blockText, cleanName, evidenceIn, lineOf } from "./names";
import { readTable } from "./tables";

// ── Gap sections: a heading with **Status:** / **Impact:** lines ───────────
// ── and findings: a heading with a status glyph and **Impact:** lines ──────

/** A heading and the blocks under it up to the next heading; `leaf` when no deeper heading follows it. */
export type Section = { heading: Heading | null; nodes: RootContent[]; leaf?: boolean };

const FIELD = /^\s*(status|impact|priority|severity|effort|estimate|timeline|eta|owner|evidence|risk|fix|recommendation|location)\s*:\s*(.+)$/i;

function fieldLines(nodes: readonly RootContent[]): Map<string, { text: string; line: number }> {
  const fields = new Map<string, { text: string; line: number }>();
  for (const node of nodes) {
    if (node.type !== "paragraph") continue;
    // Several "**Label:** value" lines may share one paragraph.
    const text = toString(node);
    for (const [index, part] of text.split("\n").entries()) {
      const match = FIELD.exec(part);
      if (match) fields.set(match[1].toLowerCase(), { text: match[2].trim(), line: lineOf(node) + index });
    }
  }
  return fields;
}

// A section whose list or table holds items is read item by item: its
// status line sums them up and is not one more item.
export function holdsItems(nodes: readonly RootContent[]): boolean {
  const scratch: Context = { categories: new Map(), warnings: [] };
  return nodes.some((node) => (node.type === "table" ? readTable(node, scratch, "scratch", null) > 0 : blockHoldsItems(node)));
}

// A severity the author wrote at the end of a finding's heading, in capitals
// or in brackets: "No automated tests CRITICAL", "Admin panel exposed (high)".
const SEVERITY = /\s*[-–—:|]?\s*(?:\b(CRITICAL|HIGH|MEDIUM|LOW|BLOCKER|P[0-3])|[([]\s*(critical|high|medium|low|blocker|p[0-3])\s*[)\]])$/;

// "1. …", "❌ 2) …", "Finding 3: …", "Issue #4 - …".
const NUMBERED = /^[^\p{L}\p{N}]*(?:(?:finding|issue|gap|risk|problem)\s*#?)?\d+[.):-]?\s/iu;
const FINDING_NUMBER = /^(?:finding|issue|gap|risk|problem)\s*#?\d+\s*[.):-]\s*/i;

function severityOf(title: string): { title: string; priority: Priority | null } {
  const match = SEVERITY.exec(title);
  if (!match || match.index === 0) return { title, priority: null };
  return { title: cleanName(title.slice(0, match.index)), priority: readPriority(match[1] ?? match[2]) };
}

/**
 * Reads a gap section (a heading with a **Status:** line) or a finding (a
 * leaf heading with a status glyph, and field lines, a number or a severity)
 * as one item in `category`. Returns 1 when it did, 0 when the section is
 * to be read block by block (its lists and tables hold items, its status line
 * is an unfilled pick-one or a verdict on the whole document, or it is none
 * of these).
 */
export function readGapSection(section: Section, context: Context, category: string, priority: Priority | null): number {
  if (!section.heading) return 0;
  const fields = fieldLines(section.nodes);
  // A priority drawn as an image in the heading is not part of its text.
  const pictured = priorityImages(section.heading.children);
  const headingText = pictured.nodes.map((node) => toString(node)).join("");
  let status = fields.get("status");
  // "[ ] Complete | [ ] At risk | [ ] Blocked" left unfilled says nothing.
  const picked = status ? pickedOption(status.text) : null;
  if (status && picked === "") status = undefined;
  const finding =
    !status &&
    section.leaf === true &&
    hasStatusGlyph(headingText) &&
    (fields.size > 0 || NUMBERED.test(headingText) || SEVERITY.test(cleanName(headingText)));
  if (!status && !finding) return 0;
  if (status && (isVerdict(status.text) || isVerdictHeading(headingText))) return 0;
  if (holdsItems(section.nodes)) return 0;
  const named = severityOf(cleanName(headingText).replace(FINDING_NUMBER, ""));
  if (!named.title) return 0;
  const title = named.title;
  const statusText = picked || status?.text;
  const reading = statusText ? (readOption(statusText) ?? readStatus(headingText)) : readStatus(headingText);
  if (status && reading && !reading.recognised) context.warnings.push({ line: status.line, message: `Status “${statusText}” of “${title}” is not recognised; imported as Missing.` });
  const impact = fields.get("impact") ?? fields.get("priority") ?? fields.get("severity");
  const effort = fields.get("effort") ?? fields.get("estimate") ?? fields.get("timeline") ?? fields.get("eta");
  const notes = section.nodes.filter((node) => node.type === "list" || (node.type === "paragraph" && fieldLines([node]).size === 0)).map(blockText).filter(Boolean);
  categoryFor(context, category).items.push({
    title,
    status: reading?.status ?? "MISSING",
    priority: named.priority ?? pictured.priority ?? (impact && readPriority(impact.text)) ?? priority,
    effortHours: effort ? readEffort(effort.text) : null,
    evidence: evidenceIn(section.nodes.filter((node) => node.type === "paragraph") as Nodes[]),
    line: lineOf(section.heading),
    ...(notes.length ? { notes: notes.join("\n") } : {}),
  });
  return 1;
}
