// A readiness document in Markdown → categories and items, read from the
// Markdown syntax tree (mdast, with GitHub's tables and task lists), never
// from raw lines: headings become categories, tables with an item column,
// task lists and "gap" sections become items. Code blocks are not read,
// except checkbox lines drawn inside them (`├─ [ ] Dockerfile created`).
import type { Code, Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { NoChecklistError, itemCount, type ImportWarning, type ImportedCategory, type ImportedChecklist, type ImportedItem } from "./checklist";
import { repairMojibake } from "./repair-encoding";
import { readEffort, readPriority, readStatus } from "./words";

const GENERAL = "General";
// Status glyphs, emoji and their variation selectors, as decorations of names.
const DECORATION = /[\p{Extended_Pictographic}\u2190-\u21ff\u2500-\u25ff\u2600-\u27bf\ufe0f\u200d]/gu;

// "3. ❌ Error Handling" → "Error Handling". Category names also lose a
// closing remark: "Testing (More Than Expected)" → "Testing"; item titles
// keep theirs ("HTTPS (HSTS)").
export function cleanName(text: string, { dropRemark = false } = {}): string {
  const name = text
    .replace(DECORATION, " ")
    .replace(/^\s*(?:(?:step|phase|part|section)\s+)?(?:\d+(?:\.\d+)*[.):]?|[ivx]+[.)]|[a-z][.)])\s+/i, "");
  return (dropRemark ? name.replace(/\s*\([^()]*\)\s*$/, "") : name)
    .replace(/[:\s]+$/, "")
    .replace(/^[\s*_~`"'“”-]+|[\s*_~`"'“”]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const lineOf = (node: Nodes) => node.position?.start.line ?? 0;

// A block's text; a list gives one line per entry.
const blockText = (node: Nodes): string => (node.type === "list" ? node.children.map((entry) => toString(entry).trim()).join("\n") : toString(node)).trim();

// A repository path in inline code: `core/rate_limit.py`, `docs/`, `.env.example`.
// Not an endpoint (`/health`), a call (`check()`) or a variable (`SENTRY_DSN`).
export function looksLikePath(code: string): boolean {
  if (!/^[\w.@~\-/]+$/.test(code) || code.startsWith("/") || code.length > 200) return false;
  return code.includes("/") || /\.[a-z0-9]{1,8}$/i.test(code) || /^\.[\w-]+/.test(code);
}

function evidenceIn(nodes: readonly Nodes[]): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "link" && /^https?:\/\//i.test(node.url)) found.push(node.url);
    else if (node.type === "inlineCode" && looksLikePath(node.value)) found.push(node.value);
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  nodes.forEach(visit);
  return [...new Set(found)];
}

// A title without the evidence it carried in brackets: "CI workflow (`.github/ci.yml`)".
function titleOf(nodes: readonly PhrasingContent[]): string {
  const kept = nodes.filter((node) => !(node.type === "inlineCode" && looksLikePath(node.value)));
  return cleanName(kept.map((node) => toString(node)).join("").replace(/\(\s*\)|\[\s*\]/g, ""));
}

type Context = { categories: Map<string, ImportedCategory>; warnings: ImportWarning[] };

function categoryFor(context: Context, name: string): ImportedCategory {
  const key = name.toLowerCase();
  let category = context.categories.get(key);
  if (!category) context.categories.set(key, (category = { name, items: [] }));
  return category;
}

// ── Tables ──────────────────────────────────────────────────────────────────

const COLUMN: Record<"name" | "status" | "priority" | "effort" | "evidence" | "owner" | "why" | "key", RegExp> = {
  name: /^(items?|needs?|requirements?|checks?|controls?|tasks?|names?|features?|capabilit(y|ies)|areas?|what|gaps?|components?|topics?|checklist( item)?)$/i,
  status: /status|state|done|result|implemented|progress/i,
  priority: /priority|impact|severity|importance|criticality|must|level|risk/i,
  effort: /effort|estimate|time|size|hours|days|cost/i,
  evidence: /evidence|files?|proof|links?|where|location|source|reference|artifacts?|pr\b/i,
  owner: /owner|assignee|who|responsible|dri/i,
  why: /why|reason|rationale|description|purpose/i,
  key: /^(key|id)$/i,
};

function readTable(table: Table, context: Context, category: string, priority: Priority | null): number {
  const [header, ...rows] = table.children;
  const headings = header.children.map((cell) => toString(cell).trim());
  const find = (kind: keyof typeof COLUMN, exclude: number[] = []) => headings.findIndex((h, i) => !exclude.includes(i) && COLUMN[kind].test(h));
  const status = find("status");
  let name = find("name");
  // Without a named item column, a table with a status column lists items in its first column.
  if (name === -1 && status > 0) name = 0;
  if (name === -1) {
    context.warnings.push({ line: lineOf(table), message: `Table with columns “${headings.join(", ")}” has no item column; it was not imported.` });
    return 0;
  }
  const used = [name, status];
  const columns = {
    priority: find("priority", used),
    effort: find("effort", used),
    evidence: find("evidence", used),
    owner: find("owner", used),
    why: find("why", used),
    key: find("key", used),
  };
  let count = 0;
  for (const row of rows) {
    // "—", "-" and empty cells say nothing.
    const cell = (index: number) => (index >= 0 && !/^[\s—–-]*$/.test(toString(row.children[index] ?? { type: "text", value: "" })) ? row.children[index] : undefined);
    const line = lineOf(row);
    const nameCell = cell(name);
    const title = nameCell ? titleOf(nameCell.children) : "";
    if (!title) {
      if (row.children.some((c) => toString(c).trim())) context.warnings.push({ line, message: "Row has no item name; it was not imported." });
      continue;
    }
    const item: ImportedItem = { title, status: "MISSING", priority, effortHours: null, evidence: [], line };
    const statusCell = cell(status);
    if (statusCell) {
      const text = toString(statusCell).trim();
      const reading = readStatus(text);
      if (reading) {
        item.status = reading.status;
        if (!reading.recognised) context.warnings.push({ line, message: `Status “${text}” of “${title}” is not recognised; imported as Missing.` });
        if (/\bwaived\b/i.test(text)) context.warnings.push({ line, message: `“${title}” is waived in the document; imported as Missing, without the waiver.` });
      }
      const remark = cleanName(cleanName(text).replace(/^(done|partial|missing|yes|no|n\/a|unknown)\b[\s:,-]*/i, ""));
      if (remark) item.notes = remark;
      item.evidence.push(...evidenceIn(statusCell.children));
    } else if (status === -1 && rows.length > 0 && count === 0) {
      context.warnings.push({ line: lineOf(table), message: "Table has no status column; its items were imported as Missing." });
    }
    const priorityCell = cell(columns.priority);
    if (priorityCell && toString(priorityCell).trim()) {
      const text = toString(priorityCell).trim();
      const read = readPriority(text);
      if (read) item.priority = read;
      else context.warnings.push({ line, message: `Priority “${text}” of “${title}” is not recognised.` });
    }
    const effortCell = cell(columns.effort);
    if (effortCell && toString(effortCell).trim()) {
      const text = toString(effortCell).trim();
      item.effortHours = readEffort(text);
      if (item.effortHours === null) context.warnings.push({ line, message: `Effort “${text}” of “${title}” is not recognised (use e.g. “2 days”, “8 hours”, “30 min”).` });
    }
    const evidenceCell = cell(columns.evidence);
    if (evidenceCell) {
      item.evidence.push(...evidenceIn(evidenceCell.children));
      const rest = toString(evidenceCell).trim();
      if (rest) item.notes = [item.notes, rest].filter(Boolean).join(" — ");
    }
    const whyCell = cell(columns.why);
    if (whyCell && toString(whyCell).trim()) item.why = toString(whyCell).trim();
    const ownerCell = cell(columns.owner);
    if (ownerCell && toString(ownerCell).trim()) item.owner = toString(ownerCell).trim();
    const keyCell = cell(columns.key);
    if (keyCell && toString(keyCell).trim()) item.key = toString(keyCell).trim();
    item.evidence = [...new Set(item.evidence)];
    categoryFor(context, category).items.push(item);
    count += 1;
  }
  return count;
}

// ── Task lists ──────────────────────────────────────────────────────────────

// In a task line, a closing remark in brackets is a note, not the title:
// "Deploy on merge (waiting on cloud access)".
function splitRemark(text: string): { title: string; remark: string | null } {
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  return match ? { title: match[1].trim(), remark: match[2].trim() } : { title: text, remark: null };
}

function readList(list: List, context: Context, category: string, priority: Priority | null): number {
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

const TREE_CHECKBOX = /^[\s│├└─┬┴┼┌┐┘|+`*>-]*\[([ xX✓✔])\]\s+(.+?)\s*[│|]?\s*$/u;
const TREE_GROUP = /^[\s│├└─┬┴┼┌┐┘|+`*>-]*([A-Z][^[\]]{1,60}?)\s*:?\s*[│|]?\s*$/u;

function readDrawnChecklist(code: Code, context: Context, category: string, priority: Priority | null): number {
  let group = category;
  let count = 0;
  const start = lineOf(code) + 1;
  code.value.split("\n").forEach((raw, index) => {
    const line = start + index;
    const box = TREE_CHECKBOX.exec(raw);
    if (box) {
      const { title, remark } = splitRemark(cleanName(box[2].replace(/`([^`]+)`/g, (whole, code: string) => (looksLikePath(code) ? "" : code)).replace(/\(\s*\)/g, "")));
      if (!title) return;
      const evidence = [...box[2].matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter(looksLikePath);
      categoryFor(context, group).items.push({ title, status: box[1] === " " ? "MISSING" : "DONE", priority, effortHours: null, evidence, line, ...(remark ? { notes: remark } : {}) });
      count += 1;
      return;
    }
    const label = TREE_GROUP.exec(raw);
    // A capitalised line between checkboxes names the group below it.
    if (label && /[a-z]/i.test(label[1]) && !/[=]/.test(label[1])) {
      const name = cleanName(label[1], { dropRemark: true });
      if (name && name.split(" ").length <= 6) group = name;
    }
  });
  return count;
}

// ── Gap sections: a heading with **Status:** / **Impact:** lines ───────────

type Section = { heading: Heading | null; nodes: RootContent[] };

function fieldLines(nodes: readonly RootContent[]): Map<string, { text: string; line: number }> {
  const fields = new Map<string, { text: string; line: number }>();
  for (const node of nodes) {
    if (node.type !== "paragraph") continue;
    // Several "**Label:** value" lines may share one paragraph.
    const text = toString(node);
    for (const [index, part] of text.split("\n").entries()) {
      const match = /^\s*(status|impact|priority|severity|effort|estimate|owner|evidence)\s*:\s*(.+)$/i.exec(part);
      if (match) fields.set(match[1].toLowerCase(), { text: match[2].trim(), line: lineOf(node) + index });
    }
  }
  return fields;
}

function readGapSection(section: Section, context: Context, category: string, priority: Priority | null): number {
  const fields = fieldLines(section.nodes);
  const status = fields.get("status");
  if (!section.heading || !status) return 0;
  const headingText = toString(section.heading);
  const title = cleanName(headingText);
  if (!title) return 0;
  const reading = readStatus(status.text) ?? readStatus(headingText);
  if (reading && !reading.recognised) context.warnings.push({ line: status.line, message: `Status “${status.text}” of “${title}” is not recognised; imported as Missing.` });
  const impact = fields.get("impact") ?? fields.get("priority") ?? fields.get("severity");
  const effort = fields.get("effort") ?? fields.get("estimate");
  const notes = section.nodes.filter((node) => node.type === "list" || (node.type === "paragraph" && fieldLines([node]).size === 0)).map(blockText).filter(Boolean);
  categoryFor(context, category).items.push({
    title,
    status: reading?.status ?? "MISSING",
    priority: (impact && readPriority(impact.text)) ?? priority,
    effortHours: effort ? readEffort(effort.text) : null,
    evidence: evidenceIn(section.nodes.filter((node) => node.type === "paragraph") as Nodes[]),
    line: lineOf(section.heading),
    ...(notes.length ? { notes: notes.join("\n") } : {}),
  });
  return 1;
}

// ── The document ────────────────────────────────────────────────────────────

// Shipshape's own report (docs/report-format.md) reads back from its
// per-category tables; its other sections restate those items.
const SHIPSHAPE_REPORT = /Generated by Shipshape \(shipshape\.report\/v\d+\)/;
const REPORT_ONLY_SECTIONS = /^(summary|readiness matrix|launch blockers|waivers|stale evidence|changes since milestone.*|(must|should|nice|later) \(.*\))$/i;

export type ParseOptions = { fileName?: string };

export function parseMarkdownChecklist(source: string): ImportedChecklist {
  // Windows line ends (and browsers, which send form text with CRLF) read as \n.
  // NUL characters cannot be stored and mean nothing in a document.
  const repair = repairMojibake(source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\u0000/g, ""));
  const context: Context = { categories: new Map(), warnings: [] };
  if (repair.repaired > 0) {
    context.warnings.push({
      // The whole document: reported against its first line.
      line: 1,
      message: `Repaired ${repair.repaired} run${repair.repaired === 1 ? "" : "s"} of doubly encoded text (such as “âœ…” for ✅)${repair.guessed ? `; ${repair.guessed} character${repair.guessed === 1 ? " was" : "s were"} missing a byte and guessed` : ""}.`,
    });
  }
  const tree: Root = fromMarkdown(repair.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

  // Split the document into sections at headings, keeping the heading path.
  const ownReport = SHIPSHAPE_REPORT.test(repair.text);
  let title: string | null = null;
  const path: { depth: number; name: string; priority: Priority | null }[] = [];
  let section: Section = { heading: null, nodes: [] };
  const sections: { section: Section; path: typeof path }[] = [];
  for (const node of tree.children) {
    if (node.type === "heading") {
      sections.push({ section, path: [...path] });
      const text = toString(node);
      if (node.depth === 1 && title === null) {
        title = cleanName(ownReport ? text.replace(/\s+—\s+production readiness$/, "") : text, { dropRemark: true }) || null;
        section = { heading: null, nodes: [] };
        continue;
      }
      while (path.length && path[path.length - 1].depth >= node.depth) path.pop();
      // "MUST" / "SHOULD" / "NICE" headings give their items a priority
      // and leave the category to the heading above.
      const bare = cleanName(text, { dropRemark: true });
      const priorityHeading = /^(must|should|nice|could|critical|high|medium|low)(\s+(have|to have|fix|priority))?$/i.test(bare) ? readPriority(bare) : null;
      path.push({ depth: node.depth, name: priorityHeading ? "" : bare, priority: priorityHeading });
      section = { heading: node, nodes: [] };
    } else {
      section.nodes.push(node);
    }
  }
  sections.push({ section, path: [...path] });

  for (const { section: current, path: at } of sections) {
    if (ownReport && current.heading && REPORT_ONLY_SECTIONS.test(toString(current.heading).trim())) continue;
    const named = at.filter((entry) => entry.name);
    const priority = [...at].reverse().find((entry) => entry.priority)?.priority ?? null;
    const own = named.at(-1)?.name ?? GENERAL;
    const parent = named.at(-2)?.name ?? GENERAL;
    // A gap section is one item in its parent's category.
    if (readGapSection(current, context, current.heading && named.at(-1) ? parent : own, priority) > 0) continue;
    for (const node of current.nodes) {
      if (node.type === "table") readTable(node, context, own, priority);
      else if (node.type === "list") readList(node, context, own, priority);
      else if (node.type === "code") readDrawnChecklist(node, context, own, priority);
    }
  }

  const categories = [...context.categories.values()].filter((category) => category.items.length > 0);
  const checklist = { title, categories, warnings: context.warnings.sort((a, b) => a.line - b.line) };
  if (itemCount(checklist) === 0) throw new NoChecklistError();
  return checklist;
}
