// A readiness document in Markdown → categories and items, read from the
// Markdown syntax tree (mdast, with GitHub's tables and task lists), never
// from raw lines: headings become categories, tables with an item column,
// task lists and "gap" sections become items. Code blocks are not read,
// except checkbox lines drawn inside them (`├─ [ ] Dockerfile created`).
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { NoChecklistError, itemCount, type ImportedChecklist } from "./checklist";
import type { Context } from "./markdown/context";
import { readGapSection, type Section } from "./markdown/gap-sections";
import { readDrawnChecklist, readList } from "./markdown/lists";
import { cleanName, GENERAL } from "./markdown/names";
import { readShipshapeReport, SHIPSHAPE_REPORT } from "./markdown/own-report";
import { readTable } from "./markdown/tables";
import { repairMojibake } from "./repair-encoding";
import { readPriority } from "./words";

export { cleanName, looksLikePath } from "./markdown/names";

// ── The document ────────────────────────────────────────────────────────────

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
  const tree: Root = fromMarkdown(repair.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // Shipshape's own report (docs/report-format.md) is read by its layout, names exactly as written.
  if (ownReport) return readShipshapeReport(tree, context, repair.text);

  // Split the document into sections at headings, keeping the heading path.
  let title: string | null = null;
  const path: { depth: number; name: string; priority: Priority | null }[] = [];
  let section: Section = { heading: null, nodes: [] };
  const sections: { section: Section; path: typeof path }[] = [];
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
  const checklist = { title, categories, warnings: context.warnings.sort((a, b) => a.line - b.line), source: repair.text };
  if (itemCount(checklist) === 0) throw new NoChecklistError();
  return checklist;
}
