// "What changed since the last milestone" as a Markdown section.
import { changeGroups, changeHeadline, type ChangeEntry } from "@/lib/domain/history/change-summary";
import type { StateComparison } from "@/lib/domain/history/milestone-state";
import { mdCode, mdLink, mdText } from "./markdown-text";

// User text is escaped so that it renders literally (markdown-text.ts).
function entry({ key, title, detail, evidence }: ChangeEntry): string {
  const item = `${mdCode(key)} ${mdText(title)}`;
  if (evidence) {
    const { url, path, label } = evidence;
    return `${item}: ${url ? mdLink(label, url) : path ? mdCode(path) : mdText(label)}`;
  }
  return detail ? `${item}: ${mdText(detail)}` : item;
}

/** The section's lines; `heading` is Markdown already (its user text escaped by the caller). */
export function changesMarkdown(comparison: StateComparison, heading: string, timeZone: string): string[] {
  const lines = [`## ${heading}`, "", mdText(changeHeadline(comparison, timeZone)), ""];
  const groups = changeGroups(comparison);
  if (groups.length === 0) return [...lines, "No item changed.", ""];
  for (const group of groups) lines.push(`**${group.title} (${group.entries.length})**`, "", ...group.entries.map((e) => `- ${entry(e)}`), "");
  return lines;
}
