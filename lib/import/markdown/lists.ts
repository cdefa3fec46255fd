import type { Code, List, ListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { ItemStatus, Priority } from "@/lib/domain/readiness/vocabulary";
import { MARKED_NOT_APPLICABLE } from "@/lib/import/checklist";
import { categoryFor, type Context } from "./context";
import { hasStatusGlyph, isLabelledRemark, isLegend, isVerdict, leadingGlyph, otherTaskBox, priorityImages } from "./markers";
import { blockText, cleanName, evidenceIn, lineOf, looksLikePath, titleOf } from "./names";

// ── Task lists ──────────────────────────────────────────────────────────────

// In a task line, a closing remark in brackets is a note, not the title:
// "Deploy on merge (waiting on cloud access)".
function splitRemark(text: string): { title: string; remark: string | null } {
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  return match ? { title: match[1].trim(), remark: match[2].trim() } : { title: text, remark: null };
}

// "**CI pipeline** - not configured" / "Config documented – in the wiki":
// the bold part, or the text before a spaced dash, is the title; the rest a note.
function splitGlyphLine(nodes: readonly PhrasingContent[], text: string): { title: string; note: string | null } {
  const first = nodes.findIndex((node) => toString(node).trim() !== "");
  // Only a bold part the rest is set off from: "**Secrets** in vault" is one title.
  const after = first >= 0 && nodes[first].type === "strong" ? nodes.slice(first + 1).map((node) => toString(node)).join("") : null;
  if (after !== null && (/^\s*$/.test(after) || /^\s*[:—–-]|^\s+\(/.test(after))) {
    const note = after.replace(/^[\s:—–-]+/, "").trim();
    return { title: cleanName(toString(nodes[first])), note: note || null };
  }
  // Long lines are prose, not titles; the length check also bounds the search below.
  if (text.length > 300) return { title: text, note: null };
  const match = /^(.+?)\s+[—–-]\s+(.+)$/.exec(text.replace(/\s+/g, " "));
  return match ? { title: cleanName(match[1]), note: match[2].trim() } : { title: cleanName(text), note: null };
}

// A title a glyph line may carry: not a legend, a labelled remark, a verdict or a sentence.
const isProse = (title: string) => {
  const words = title.split(/\s+/).length;
  return title.length > 200 || words > 12 || (/[.!]$/.test(title) && words > 6);
};
const glyphTitle = (title: string) => Boolean(title) && !isProse(title) && !isLegend(title) && !isLabelledRemark(title) && !isVerdict(title);

// The first text node loses the characters a marker took: "[~] " or "✅ ".
function dropLeading(nodes: readonly PhrasingContent[], length: number): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type !== "text") return [...nodes];
  const value = first.value.trimStart().slice(length).replace(/^[\ufe0f\u200d\s]+/u, "");
  return [{ ...first, value }, ...rest];
}

type Marked = { status: ItemStatus; nodes: PhrasingContent[]; glyph: boolean; reason?: string };

// What marks an entry as an item: a ticked or open box, another box, or a leading status glyph.
function markOf(entry: ListItem): Marked | null {
  const first = entry.children[0];
  if (first?.type !== "paragraph") return null;
  const children = (first as Paragraph).children;
  if (typeof entry.checked === "boolean") return { status: entry.checked ? "DONE" : "MISSING", nodes: children, glyph: false };
  const text = toString(first).trimStart();
  const box = otherTaskBox(text);
  if (box && children[0]?.type === "text") return { status: box.status, nodes: dropLeading(children, box.length), glyph: false, ...(box.status === "NOT_APPLICABLE" ? { reason: MARKED_NOT_APPLICABLE } : {}) };
  const glyph = leadingGlyph(text);
  if (glyph && children[0]?.type === "text") return { status: glyph.status, nodes: dropLeading(children, text.length - glyph.rest.length), glyph: true };
  return null;
}

export function readList(list: List, context: Context, category: string, priority: Priority | null): number {
  let count = 0;
  for (const entry of list.children as ListItem[]) {
    const [first, ...rest] = entry.children;
    const mark = markOf(entry);
    if (mark) {
      const pictured = priorityImages(mark.nodes);
      let title: string;
      let remark: string | null;
      if (mark.glyph) {
        const split = splitGlyphLine(pictured.nodes, titleOf(pictured.nodes));
        ({ title, note: remark } = split);
        if (!glyphTitle(title)) title = "";
      } else {
        ({ title, remark } = splitRemark(titleOf(pictured.nodes)));
      }
      if (title) {
        const notes = [remark, ...rest.filter((node) => node.type !== "list" || !listHoldsItems(node)).map(blockText)].filter(
          (note): note is string => Boolean(note),
        );
        categoryFor(context, category).items.push({
          title,
          status: mark.status,
          priority: pictured.priority ?? priority,
          effortHours: null,
          evidence: evidenceIn((first as Paragraph).children),
          line: lineOf(entry),
          ...(notes.length ? { notes: notes.join("\n") } : {}),
          ...(mark.reason ? { notApplicableReason: mark.reason } : {}),
        });
        count += 1;
      } else if (!mark.glyph) {
        context.warnings.push({ line: lineOf(entry), message: "Checkbox without a title; it was not imported." });
      }
    }
    // Task lists nested under any entry are items too.
    for (const child of entry.children) if (child.type === "list") count += readList(child, context, category, priority);
  }
  return count;
}

/** Whether a list (or a list nested in it) holds items: task boxes of any kind, or entries opened by a status glyph. */
export const listHoldsItems = (list: List): boolean =>
  (list.children as ListItem[]).some((entry) => {
    const mark = markOf(entry);
    const titled = mark && (!mark.glyph || glyphTitle(splitGlyphLine(mark.nodes, titleOf(mark.nodes)).title));
    return Boolean(titled) || entry.children.some((c) => c.type === "list" && listHoldsItems(c));
  });

// ── Lines that are only a glyph and a title ─────────────────────────────────

/**
 * "✅ Structured logging" / "⏳ Load testing" as lines of their own: one item
 * each, when every line of the paragraph is such a line (a glyph opening a
 * sentence of prose is not an item).
 */
export function readGlyphLines(paragraph: Paragraph, context: Context, category: string, priority: Priority | null): number {
  const lines = toString(paragraph).split("\n").map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0 || !lines.every((line) => leadingGlyph(line))) return 0;
  // One sentence of prose makes the paragraph prose: its short lines are remarks too.
  if (lines.some((line) => isProse(splitGlyphLine([], leadingGlyph(line)?.rest ?? "").title))) return 0;
  const start = lineOf(paragraph);
  let count = 0;
  toString(paragraph)
    .split("\n")
    .forEach((raw, index) => {
      const glyph = leadingGlyph(raw);
      if (!glyph) return;
      const split = splitGlyphLine([], glyph.rest);
      const title = split.title.replace(/(?<!\.)\.$/, "");
      const note = split.note;
      if (!glyphTitle(title) || hasStatusGlyph(glyph.rest)) return;
      categoryFor(context, category).items.push({ title, status: glyph.status, priority, effortHours: null, evidence: [], line: start + index, ...(note ? { notes: note } : {}) });
      count += 1;
    });
  return count;
}

/** Whether a top-level block holds items for readList / readGlyphLines (a table is asked separately). */
export function blockHoldsItems(node: RootContent): boolean {
  if (node.type === "list") return listHoldsItems(node);
  return node.type === "paragraph" && readGlyphLines(node, { categories: new Map(), warnings: [] }, "", null) > 0;
}

// ── Checklists drawn in code blocks ─────────────────────────────────────────

// A drawn line without its frame: the tree and box characters before it, a
// closing "│" and the spaces after it. Cut by hand, not by a pattern: patterns
// with adjacent optional spaces before "$" backtrack cubically on long runs of
// spaces (two such lines of 800 spaces took 51 s).
const TREE_PREFIX = /^[\s│├└─┬┴┼┌┐┘|+`*>-]*/u;
function drawnContent(raw: string): string {
  const content = raw.replace(TREE_PREFIX, "").trimEnd();
  return /[│|]$/u.test(content) ? content.slice(0, -1).trimEnd() : content;
}
const TREE_CHECKBOX = /^\[([ xX✓✔~/-])\]\s+(\S.*)$/u;
const TREE_GROUP = /^([A-Z][^[\]]{0,59}[^[\]\s:]|[A-Z])\s*:?$/u;

export function readDrawnChecklist(code: Code, context: Context, category: string, priority: Priority | null): number {
  let group = category;
  let count = 0;
  const start = lineOf(code) + 1;
  code.value.split("\n").forEach((raw, index) => {
    const line = start + index;
    const content = drawnContent(raw);
    const box = TREE_CHECKBOX.exec(content);
    if (box) {
      const { title, remark } = splitRemark(cleanName(box[2].replace(/`([^`]+)`/g, (whole, code: string) => (looksLikePath(code) ? "" : code)).replace(/\(\s*\)/g, "")));
      if (!title) return;
      const evidence = [...box[2].matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter(looksLikePath);
      const other = otherTaskBox(`[${box[1]}] `);
      const status = other?.status ?? (box[1] === " " ? "MISSING" : "DONE");
      categoryFor(context, group).items.push({
        title,
        status,
        priority,
        effortHours: null,
        evidence,
        line,
        ...(remark ? { notes: remark } : {}),
        ...(status === "NOT_APPLICABLE" ? { notApplicableReason: MARKED_NOT_APPLICABLE } : {}),
      });
      count += 1;
      return;
    }
    const label = TREE_GROUP.exec(content);
    // A capitalised line between checkboxes names the group below it.
    if (label && /[a-z]/i.test(label[1]) && !/[=]/.test(label[1])) {
      const name = cleanName(label[1], { dropRemark: true });
      if (name && name.split(" ").length <= 6) group = name;
    }
  });
  return count;
}
