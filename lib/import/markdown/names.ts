// Names, titles, lines and evidence as the Markdown reader takes them from
// the syntax tree.
import type { Nodes, PhrasingContent } from "mdast";
import { toString } from "mdast-util-to-string";

export const GENERAL = "General";
// Status glyphs, emoji and their variation selectors, as decorations of names.
const DECORATION = /[\p{Extended_Pictographic}\u2190-\u21ff\u2500-\u25ff\u2600-\u27bf\ufe0f\u200d]/gu;

// Numbering before a name: "3.", "2)", "Step 2:", "Phase 2 :", "iv.", "b)".
// A number without a mark ("2.1 Security", "3 Testing") is numbering only
// before a capital letter, and a bare integer only in a category name: item
// titles keep their figures ("500 concurrent users sustained").
const MARKED_NUMBER = /^(?:(?:step|phase|stage|part|section)\s)?(?:\d+(?:\.\d+)*\s?[.):]|[ivx]+[.)]|[a-z][.)])\s/i;
const SECTION_NUMBER = /^(?:(?:step|phase|stage|part|section)\s)?\d+(?:\.\d+)+\s(?=\p{Lu})/iu;
const BARE_NUMBER = /^(?:(?:step|phase|stage|part|section)\s)?\d+\s(?=\p{Lu})/iu;
// Markup left at the ends of a name ("**Title**", "~~old~~"); quotes are the author's.
const END_MARKUP = new Set(["*", "_", "~", "`", " "]);

// Cuts characters of a set from the ends by hand: a pattern anchored at "$"
// restarts at every character of a long run and takes quadratic time.
function trimSet(text: string, start: Set<string>, end: Set<string>): string {
  let from = 0;
  let to = text.length;
  while (from < to && start.has(text[from])) from += 1;
  while (to > from && end.has(text[to - 1])) to -= 1;
  return text.slice(from, to);
}

// "3. ❌ Error Handling" → "Error Handling". Category names also lose a
// closing remark: "Testing (More Than Expected)" → "Testing"; item titles
// keep theirs ("HTTPS (HSTS)"). Otherwise a title stays as the author wrote
// it: its figures, quotes and the text of its code spans.
export function cleanName(text: string, { dropRemark = false } = {}): string {
  // Runs of spaces collapse first, so that no pattern below meets a long run.
  let name = text.replace(DECORATION, " ").replace(/\s+/g, " ").trim();
  name = name.replace(MARKED_NUMBER, "").replace(SECTION_NUMBER, "");
  if (dropRemark) name = name.replace(BARE_NUMBER, "").replace(/ ?\([^()]*\)$/, "");
  name = trimSet(name, new Set([...END_MARKUP, "-"]), new Set([...END_MARKUP, ":"]));
  return name.replace(/\s+/g, " ").trim();
}

export const lineOf = (node: Nodes) => node.position?.start.line ?? 0;

// A block's text; a list gives one line per entry.
export const blockText = (node: Nodes): string => (node.type === "list" ? node.children.map((entry) => toString(entry).trim()).join("\n") : toString(node)).trim();

// A repository path in inline code: `core/rate_limit.py`, `docs/`, `.env.example`.
// Not an endpoint (`/health`), a call (`check()`) or a variable (`SENTRY_DSN`).
export function looksLikePath(code: string): boolean {
  if (!/^[\w.@~\-/]+$/.test(code) || code.startsWith("/") || code.length > 200) return false;
  return code.includes("/") || /\.[a-z0-9]{1,8}$/i.test(code) || /^\.[\w-]+/.test(code);
}

export function evidenceIn(nodes: readonly Nodes[]): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "link" && /^https?:\/\//i.test(node.url)) found.push(node.url);
    else if (node.type === "inlineCode" && looksLikePath(node.value)) found.push(node.value);
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  nodes.forEach(visit);
  return [...new Set(found)];
}

// A title without the evidence it carried in brackets: "CI workflow (`.github/ci.yml`)"
// → "CI workflow". A path elsewhere stays in the title as text: "Copy
// `.env.example` to `.env.production`" → "Copy .env.example to .env.production".
export function titleOf(nodes: readonly PhrasingContent[]): string {
  const paths: string[] = [];
  // Paths in code become placeholders (private-use characters around an index) until the brackets are read.
  const text = nodes.map((node) => (node.type === "inlineCode" && looksLikePath(node.value) ? `\ue000${paths.push(node.value) - 1}\ue001` : toString(node))).join("");
  const withoutEvidence = text.replace(/\((?:[\s,;]|\ue000\d+\ue001)*\)|\[(?:[\s,;]|\ue000\d+\ue001)*\]/g, "");
  return cleanName(withoutEvidence.replace(/\ue000(\d+)\ue001/g, (_, index: string) => paths[Number(index)]));
}
