import type { Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { ITEM_KEY_RULE, readItemKey } from "@/lib/domain/item-key";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import type { ImportedItem } from "@/lib/import/checklist";
import { readEffort, readPriority, readStatus, saysNoPriority } from "@/lib/import/words";
import { categoryFor, type Context } from "./context";
import { cleanName, evidenceIn, lineOf, titleOf } from "./names";

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

export function readTable(table: Table, context: Context, category: string, priority: Priority | null): number {
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
      else if (!saysNoPriority(text)) context.warnings.push({ line, message: `Priority “${text}” of “${title}” is not recognised.` });
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
    if (keyCell && toString(keyCell).trim()) {
      // A key the API could not address is not taken: the item gets one made from its title.
      const written = toString(keyCell).trim();
      const key = readItemKey(written);
      if (key) item.key = key;
      else context.warnings.push({ line, message: `Key “${written}” of “${title}” was not used: ${ITEM_KEY_RULE} The item gets a key made from its title.` });
    }
    item.evidence = [...new Set(item.evidence)];
    categoryFor(context, category).items.push(item);
    count += 1;
  }
  return count;
}

