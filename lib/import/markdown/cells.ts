// What a status, priority or effort cell says about an item, read the same
// way in any table: a hand-written one (tables.ts) or Shipshape's own report
// (own-report.ts). Each sets the item's field when it can and leaves a
// warning naming the row's line when it cannot.
import type { ImportedItem } from "@/lib/import/checklist";
import { readEffort, readPriority, readStatus, saysNoPriority } from "@/lib/import/words";
import type { Context } from "./context";
import { cleanName } from "./names";

/** The status in `text`; "– N/A: Internal tool" keeps its remark as the item's notes. */
export function readStatusCell(item: ImportedItem, text: string, context: Context): void {
  const { line, title } = item;
  const reading = readStatus(text);
  if (reading) {
    item.status = reading.status;
    if (!reading.recognised) context.warnings.push({ line, message: `Status “${text}” of “${title}” is not recognised; imported as Missing.` });
    if (/\bwaived\b/i.test(text)) context.warnings.push({ line, message: `“${title}” is waived in the document; imported as Missing, without the waiver.` });
  }
  const remark = cleanName(cleanName(text).replace(/^(done|partial|missing|yes|no|n\/a|unknown)\b[\s:,-]*/i, ""));
  if (remark) item.notes = remark;
}

/** The priority in `text`, over what the item had (a heading's); "Needs triage", "TBD" and "—" say none. */
export function readPriorityCell(item: ImportedItem, text: string, context: Context): void {
  const read = readPriority(text);
  if (read) item.priority = read;
  else if (!saysNoPriority(text)) context.warnings.push({ line: item.line, message: `Priority “${text}” of “${item.title}” is not recognised.` });
}

/** The effort in `text`, in hours ("2 days" → 16). */
export function readEffortCell(item: ImportedItem, text: string, context: Context): void {
  item.effortHours = readEffort(text);
  if (item.effortHours === null) context.warnings.push({ line: item.line, message: `Effort “${text}” of “${item.title}” is not recognised (use e.g. “2 days”, “8 hours”, “30 min”).` });
}
