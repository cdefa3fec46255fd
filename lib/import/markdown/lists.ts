import type { Code, List, ListItem, Paragraph } from "mdast";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { categoryFor, type Context } from "./context";
import { blockText, cleanName, evidenceIn, lineOf, looksLikePath, titleOf } from "./names";

// ── Task lists ──────────────────────────────────────────────────────────────

// In a task line, a closing remark in brackets is a note, not the title:
// "Deploy on merge (waiting on cloud access)".
function splitRemark(text: string): { title: string; remark: string | null } {
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  return match ? { title: match[1].trim(), remark: match[2].trim() } : { title: text, remark: null };
}

export function readList(list: List, context: Context, category: string, priority: Priority | null): number {
  let count = 0;
  for (const entry of list.children as ListItem[]) {
    const [first, ...rest] = entry.children;
    if (typeof entry.checked === "boolean" && first?.type === "paragraph") {
      const { title, remark } = splitRemark(titleOf((first as Paragraph).children));
      if (title) {
        const notes = [remark, ...rest.filter((node) => node.type !== "list" || !hasTasks(node)).map(blockText)].filter((note): note is string => Boolean(note));
        categoryFor(context, category).items.push({
          title,
          status: entry.checked ? "DONE" : "MISSING",
          priority,
          effortHours: null,
          evidence: evidenceIn((first as Paragraph).children),
          line: lineOf(entry),
          ...(notes.length ? { notes: notes.join("\n") } : {}),
        });
        count += 1;
      } else {
        context.warnings.push({ line: lineOf(entry), message: "Checkbox without a title; it was not imported." });
      }
    }
    // Task lists nested under any entry are items too.
    for (const child of entry.children) if (child.type === "list") count += readList(child, context, category, priority);
  }
  return count;
}

const hasTasks = (list: List): boolean => (list.children as ListItem[]).some((entry) => typeof entry.checked === "boolean" || entry.children.some((c) => c.type === "list" && hasTasks(c)));

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
const TREE_CHECKBOX = /^\[([ xX✓✔])\]\s+(\S.*)$/u;
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
      categoryFor(context, group).items.push({ title, status: box[1] === " " ? "MISSING" : "DONE", priority, effortHours: null, evidence, line, ...(remark ? { notes: remark } : {}) });
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

