import type { Heading, Nodes, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { readEffort, readPriority, readStatus } from "@/lib/import/words";
import { categoryFor, type Context } from "./context";
import { blockText, cleanName, evidenceIn, lineOf } from "./names";

// ── Gap sections: a heading with **Status:** / **Impact:** lines ───────────

export type Section = { heading: Heading | null; nodes: RootContent[] };

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

export function readGapSection(section: Section, context: Context, category: string, priority: Priority | null): number {
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

