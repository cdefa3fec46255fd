// A readiness document in Markdown → categories and items, read from the
// Markdown syntax tree (mdast, with GitHub's tables and task lists), never
// from raw lines: headings become categories, tables with an item column,
// task lists and "gap" sections become items. Code blocks are not read,
// except checkbox lines drawn inside them (`├─ [ ] Dockerfile created`).
import type { Paragraph, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { itemCount, type ImportedChecklist } from "./checklist";
import type { Context } from "./markdown/context";
import { foldFindingDetails } from "./markdown/findings";
import { readGapSection, type Section } from "./markdown/gap-sections";
import { readDrawnChecklist, readGlyphLines, readList } from "./markdown/lists";
import { priorityLabel } from "./markdown/markers";
import { cleanName, GENERAL } from "./markdown/names";
import { readShipshapeReport, SHIPSHAPE_REPORT } from "./markdown/own-report";
import { readTable, refusalFor } from "./markdown/tables";
import { repairMojibake } from "./repair-encoding";

export { cleanName, looksLikePath } from "./markdown/names";

// ── Headings and labels ─────────────────────────────────────────────────────

type Step = { depth: number; name: string; priority: Priority | null };
const names = (path: readonly Step[]) => path.map((step) => step.name).filter(Boolean);

// Category names: a heading's own name, unless the same name stands under
// different parents ("Images / Best practices", "Scripts / Best practices"):
// then as much of its path as tells them apart, "Images · Best practices".
function categoryNames(paths: readonly string[][]): (named: readonly string[]) => string {
  const key = (named: readonly string[]) => named.join("\u0000").toLowerCase();
  // How many different paths end in each run of names: counted once per
  // path and suffix length, so that a long document stays linear.
  const distinct = new Map(paths.filter((named) => named.length).map((named) => [key(named), named]));
  const endings = new Map<string, number>();
  for (const named of distinct.values()) {
    for (let length = 1; length <= named.length; length += 1) {
      const suffix = key(named.slice(-length));
      endings.set(suffix, (endings.get(suffix) ?? 0) + 1);
    }
  }
  return (named) => {
    if (!named.length) return GENERAL;
    for (let length = 1; length <= named.length; length += 1) {
      if ((endings.get(key(named.slice(-length))) ?? 0) <= 1) return named.slice(-length).join(" · ");
    }
    return named.join(" · ");
  };
}

// A paragraph that is only a bold label: "**Must have:**" names a priority
// (returned), "**Backend:**" none (null); undefined for any other paragraph.
function boldLabel(paragraph: Paragraph): Priority | null | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== "strong" || !rest.every((node) => node.type === "text" && /^\s*:?\s*$/.test(node.value))) return undefined;
  return priorityLabel(toString(first));
}

// ── The document ────────────────────────────────────────────────────────────

// A run of 32 or more `*`, `_` or `~` is never emphasis anyone meant, but the
// Markdown parser's delimiter matching slows down sharply on long runs and
// overflows the stack at about 20,000. Each character of such a run is
// escaped, so it reads as the text it is; lines stay where they were.
const DELIMITER_RUN = /([*_~])\1{31,}/g;
const withoutDelimiterRuns = (text: string) => text.replace(DELIMITER_RUN, (run) => run.replace(/./g, "\\$&"));

export function parseMarkdownChecklist(source: string): ImportedChecklist {
  // Windows line ends (and browsers, which send form text with CRLF) read as \n.
  // NUL characters cannot be stored and mean nothing in a document.
  const input = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
  // Shipshape's own report with its dash intact was written as UTF-8 by
  // Shipshape: nothing in it is doubly encoded, and “Ã©” in a name is what someone typed.
  const ownReport = SHIPSHAPE_REPORT.test(input);
  const repair = ownReport && input.includes(" — production readiness") ? { text: input, repaired: 0, guessed: 0 } : repairMojibake(input);
  const context: Context = { categories: new Map(), warnings: [] };
  if (repair.repaired > 0) {
    context.warnings.push({
      // The whole document: reported against its first line.
      line: 1,
      message: `Repaired ${repair.repaired} run${repair.repaired === 1 ? "" : "s"} of doubly encoded text (such as “âœ…” for ✅)${repair.guessed ? `; ${repair.guessed} character${repair.guessed === 1 ? " was" : "s were"} missing a byte and guessed` : ""}.`,
    });
  }
  const tree: Root = fromMarkdown(withoutDelimiterRuns(repair.text), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // Shipshape's own report (docs/report-format.md) is read by its layout, names exactly as written.
  if (ownReport) return readShipshapeReport(tree, context, repair.text);

  // Split the document into sections at headings, keeping the heading path.
  let title: string | null = null;
  const path: Step[] = [];
  let section: Section = { heading: null, nodes: [] };
  const sections: { section: Section; path: Step[] }[] = [];
  for (const node of tree.children) {
    if (node.type === "heading") {
      sections.push({ section, path: [...path] });
      const text = toString(node);
      if (node.depth === 1 && title === null) {
        title = cleanName(text, { dropRemark: true }) || null;
        section = { heading: null, nodes: [] };
        continue;
      }
      while (path.length && path[path.length - 1].depth >= node.depth) path.pop();
      // "MUST", "Priority HIGH (core)", "Important (should fix soon)" headings
      // give their items a priority and leave the category to the heading above.
      const priorityHeading = priorityLabel(text);
      path.push({ depth: node.depth, name: priorityHeading ? "" : cleanName(text, { dropRemark: true }), priority: priorityHeading });
      section = { heading: node, nodes: [] };
    } else {
      section.nodes.push(node);
    }
  }
  sections.push({ section, path: [...path] });
  // A finding is a heading with nothing deeper under it but its details.
  const read = foldFindingDetails(sections);
  const categoryName = categoryNames(read.filter((entry) => entry.section.nodes.length > 0).map((entry) => names(entry.path)));

  for (const { section: current, path: at } of read) {
    const named = names(at);
    const headingPriority = [...at].reverse().find((entry) => entry.priority)?.priority ?? null;
    let priority = headingPriority;
    const own = categoryName(named);
    const parent = categoryName(named.slice(0, -1));
    // A gap section is one item in its parent's category.
    if (readGapSection(current, context, current.heading && named.length ? parent : own, priority) > 0) continue;
    for (const node of current.nodes) {
      if (node.type === "table") readTable(node, context, own, priority);
      else if (node.type === "list") readList(node, context, own, priority);
      else if (node.type === "code") readDrawnChecklist(node, context, own, priority);
      else if (node.type === "paragraph") {
        // "**Mandatory (MUST HAVE)**:" gives the items below it a priority,
        // until another label ("**Backend:**") or the next heading.
        const label = boldLabel(node);
        if (label !== undefined) priority = label ?? headingPriority;
        else readGlyphLines(node, context, own, priority);
      }
    }
  }

  const categories = [...context.categories.values()].filter((category) => category.items.length > 0);
  const checklist = { title, categories, warnings: context.warnings.sort((a, b) => a.line - b.line), source: repair.text };
  // A refusal names the tables it skipped, and why.
  if (itemCount(checklist) === 0) throw refusalFor(context);
  return checklist;
}
