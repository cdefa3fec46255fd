// What an imported document says: categories of items, each with the line it
// came from, and warnings for what could not be fully read. The shape the
// import CLI prints with --dry-run --json.
import type { ItemStatus, Priority } from "@/lib/domain/readiness/vocabulary";
import type { ChecklistItem } from "./yaml-checklist";

export type ImportedItem = {
  title: string;
  status: ItemStatus;
  priority: Priority | null;
  effortHours: number | null;
  // URLs and repository paths.
  evidence: string[];
  line: number;
  // Optional detail the document carried: why it matters, remarks, a key.
  why?: string;
  notes?: string;
  key?: string;
  owner?: string;
  // Why a not-applicable item is so, when the document says (a struck-out box: MARKED_NOT_APPLICABLE).
  notApplicableReason?: string;
  // Everything a YAML checklist says about the item (lib/import/yaml-checklist.ts).
  detail?: ChecklistItem;
};

// The reason a not-applicable item gets when the document marks it so without saying why.
export const MARKED_NOT_APPLICABLE = "Marked not applicable in the document.";

export type ImportedCategory = { name: string; items: ImportedItem[] };

export type ImportWarning = { line: number; message: string };

export type ImportedChecklist = {
  title: string | null;
  categories: ImportedCategory[];
  warnings: ImportWarning[];
  // The text as it was read, after repairs; lines are the same as the original's.
  source?: string;
};

// The document holds nothing Shipshape can turn into items.
export class NoChecklistError extends Error {
  constructor(message = "No checklist found: the document has no tables with an item column, no task lists (- [ ] …) and no gap sections with a **Status:** line.") {
    super(message);
    this.name = "NoChecklistError";
  }
}

export const itemCount = (checklist: Pick<ImportedChecklist, "categories">) => checklist.categories.reduce((sum, c) => sum + c.items.length, 0);

// The dry-run JSON: exactly the documented fields.
export function dryRunJson(checklist: ImportedChecklist) {
  return {
    categories: checklist.categories.map((category) => ({
      name: category.name,
      items: category.items.map(({ title, status, priority, effortHours, evidence, line }) => ({ title, status, priority, effortHours, evidence, line })),
    })),
    warnings: checklist.warnings,
  };
}
