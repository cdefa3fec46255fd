// Last look at the items read from a Markdown document, against the lines
// they came from: a progress line is not an item, and two items that the
// readers made alike by moving a closing remark into the notes get their
// remark back ("Mobile (iOS)" and "Mobile (320 px)" are two items).
import type { ImportedChecklist, ImportedItem } from "@/lib/import/checklist";

// "Phase 2 : Acceptance (0/12)", "Sprint 3 – Hardening [4/9]": a stage and how
// many of its items are done. It counts the items below it.
const PROGRESS_LINE = /\b(?:phase|stage|step|part|milestone|sprint|week|wave|section) ?\d+(?:\.\d+)*\b[^|()[\]\n]{0,200}(?:\(\d+ ?\/ ?\d+\)|\[\d+ ?\/ ?\d+\])\s*(?:[|:]|$)/iu;

export function isProgressLine(line: string): boolean {
  return PROGRESS_LINE.test(line.trim());
}

export function keepAsWritten(checklist: ImportedChecklist): ImportedChecklist {
  if (!checklist.source) return checklist;
  const lines = checklist.source.split("\n");
  const lineText = (item: ImportedItem) => lines[item.line - 1] ?? "";
  for (const category of checklist.categories) {
    category.items = category.items.filter((item) => !isProgressLine(lineText(item)));
    const byTitle = new Map<string, ImportedItem[]>();
    for (const item of category.items) {
      const key = item.title.toLowerCase();
      byTitle.set(key, [...(byTitle.get(key) ?? []), item]);
    }
    for (const alike of byTitle.values()) {
      if (alike.length < 2) continue;
      for (const item of alike) {
        const [remark, ...rest] = (item.notes ?? "").split("\n");
        const written = `${item.title} (${remark})`;
        if (!remark || !lineText(item).includes(written)) continue;
        item.title = written;
        if (rest.length) item.notes = rest.join("\n");
        else delete item.notes;
      }
    }
  }
  checklist.categories = checklist.categories.filter((category) => category.items.length > 0);
  return checklist;
}
