// Names, titles, lines and evidence as the Markdown reader takes them from
// the syntax tree.
import type { Nodes, PhrasingContent } from "mdast";
import { toString } from "mdast-util-to-string";

export const GENERAL = "General";
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

// A title without the evidence it carried in brackets: "CI workflow (`.github/ci.yml`)".
export function titleOf(nodes: readonly PhrasingContent[]): string {
  const kept = nodes.filter((node) => !(node.type === "inlineCode" && looksLikePath(node.value)));
  return cleanName(kept.map((node) => toString(node)).join("").replace(/\(\s*\)|\[\s*\]/g, ""));
}

