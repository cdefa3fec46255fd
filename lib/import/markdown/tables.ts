import type { Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { ITEM_KEY_RULE, readItemKey } from "@/lib/domain/item-key";
import type { Priority } from "@/lib/domain/readiness/vocabulary";
import { MARKED_NOT_APPLICABLE, NoChecklistError, type ImportedItem } from "@/lib/import/checklist";
import { readTaskBox, TASK_BOX } from "@/lib/import/words";
import { readEffortCell, readPriorityCell, readStatusCell } from "./cells";
import { chooseColumns, SKIP_REASON, type Skip } from "./columns";
import { categoryFor, type Context } from "./context";
import { evidenceIn, lineOf, titleOf } from "./names";

// ── Tables ──────────────────────────────────────────────────────────────────

// A closing row that adds the others up: "**Total**", "Subtotal", "Tổng cộng".
const TOTAL_ROW = /^(?:(?:sub|grand )?totals?|sum|overall|average|tổng(?: cộng)?|合计|总计|小计|total général)(?:\s*[:(].*)?$/iu;
// Row numbers, not identifiers: never an item's key.
const NUMBERING = /^(?:#|no\.?|nr\.?|n[°º]|stt)$/i;

const skipWarning = (headings: string[], skip: Skip) =>
  skip === "no item column" ? `Table with columns “${headings.join(", ")}” has no item column; it was not imported.` : `Table “${headings.join(", ")}” ${SKIP_REASON[skip]}; it was not imported.`;

/**
 * Reads one table's rows into items of `category` (with `priority` unless a
 * row says its own); returns how many. Tables without items (no item column,
 * people, a schedule) add a warning naming the table and why.
 */
export function readTable(table: Table, context: Context, category: string, priority: Priority | null): number {
  const [header, ...rows] = table.children;
  const headings = header.children.map((cell) => toString(cell).trim());
  const cellsOf = headings.map((_, index) => rows.map((row) => toString(row.children[index] ?? { type: "text", value: "" }).trim()));
  const chosen = chooseColumns(headings, cellsOf);
  if ("skip" in chosen) {
    context.warnings.push({ line: lineOf(table), message: skipWarning(headings, chosen.skip) });
    return 0;
  }
  const { columns } = chosen;
  const { name, status } = columns;
  const numbered = columns.key !== -1 && NUMBERING.test(headings[columns.key]);
  let count = 0;
  let warnedNoStatus = false;
  for (const row of rows) {
    // "—", "-" and empty cells say nothing.
    const cell = (index: number) => (index >= 0 && !/^[\s—–-]*$/.test(toString(row.children[index] ?? { type: "text", value: "" })) ? row.children[index] : undefined);
    const line = lineOf(row);
    const nameCell = cell(name);
    const box = nameCell ? readTaskBox(toString(nameCell)) : null;
    const title = nameCell ? titleOf(nameCell.children).replace(TASK_BOX, "").trim() : "";
    if (!title) {
      if (row.children.some((c) => toString(c).trim())) context.warnings.push({ line, message: "Row has no item name; it was not imported." });
      continue;
    }
    if (TOTAL_ROW.test(title)) continue;
    const item: ImportedItem = { title, status: box ?? "MISSING", priority, effortHours: null, evidence: [], line };
    if (box === "NOT_APPLICABLE") item.notApplicableReason = MARKED_NOT_APPLICABLE;
    const statusCell = cell(status);
    if (statusCell) {
      readStatusCell(item, toString(statusCell).trim(), context);
      item.evidence.push(...evidenceIn(statusCell.children));
    } else if (status === -1 && box === null && !warnedNoStatus) {
      warnedNoStatus = true;
      context.warnings.push({ line: lineOf(table), message: "Table has no status column; its items were imported as Missing." });
    }
    const priorityCell = cell(columns.priority);
    if (priorityCell && toString(priorityCell).trim()) readPriorityCell(item, toString(priorityCell).trim(), context);
    const effortCell = cell(columns.effort);
    if (effortCell && toString(effortCell).trim()) readEffortCell(item, toString(effortCell).trim(), context);
    const evidenceCell = cell(columns.evidence);
    if (evidenceCell) {
      item.evidence.push(...evidenceIn(evidenceCell.children));
      const rest = toString(evidenceCell).trim();
      if (rest) item.notes = [item.notes, rest].filter(Boolean).join(" — ");
    }
    const notesCell = cell(columns.notes);
    if (notesCell && toString(notesCell).trim()) item.notes = [item.notes, toString(notesCell).trim()].filter(Boolean).join(" — ");
    const whyCell = cell(columns.why);
    if (whyCell && toString(whyCell).trim()) item.why = toString(whyCell).trim();
    const ownerCell = cell(columns.owner);
    if (ownerCell && toString(ownerCell).trim()) item.owner = toString(ownerCell).trim();
    const keyCell = cell(columns.key);
    const written = keyCell ? toString(keyCell).trim() : "";
    // Row numbers (`#`, or a column of bare numbers) number the rows; they identify nothing.
    if (written && !numbered && /\p{L}/u.test(written)) {
      // A key the API could not address is not taken: the item gets one made from its title.
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

const SKIPPED = /^Table (?:with columns )?“(.*)” (.+); it was not imported\.$/;

/**
 * The refusal of a document with no items, naming each table that was
 * skipped and why ("line 7: table “Role, Name, Contact” lists people, not
 * items"), from the warnings readTable left in `context`.
 */
export function refusalFor(context: Context): NoChecklistError {
  const skipped = context.warnings.flatMap((warning) => {
    const match = SKIPPED.exec(warning.message);
    return match ? [`line ${warning.line}: table “${match[1]}” ${match[2]}`] : [];
  });
  const base = new NoChecklistError().message;
  return new NoChecklistError(skipped.length ? `${base} Tables skipped: ${skipped.join("; ")}.` : base);
}
