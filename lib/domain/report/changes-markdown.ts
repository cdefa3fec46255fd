// "What changed since the last milestone" as a Markdown section.
import { changeGroups, changeHeadline, type ChangeEntry } from "@/lib/domain/history/change-summary";
import type { StateComparison } from "@/lib/domain/history/milestone-state";

function entry({ key, title, detail, evidence }: ChangeEntry): string {
  const item = `\`${key}\` ${title.replace(/\r?\n/g, " ")}`;
  if (evidence) {
    const { url, path, label } = evidence;
    return `${item}: ${url ? `[${label.replace(/[[\]]/g, "")}](${url})` : path ? `\`${path}\`` : label}`;
  }
  return detail ? `${item}: ${detail}` : item;
}

export function changesMarkdown(comparison: StateComparison, heading: string, timeZone: string): string[] {
  const lines = [`## ${heading}`, "", changeHeadline(comparison, timeZone), ""];
  const groups = changeGroups(comparison);
  if (groups.length === 0) return [...lines, "No item changed.", ""];
  for (const group of groups) lines.push(`**${group.title} (${group.entries.length})**`, "", ...group.entries.map((e) => `- ${entry(e)}`), "");
  return lines;
}
