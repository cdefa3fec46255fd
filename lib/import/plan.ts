// What importing a checklist into a project will do, decided before anything
// is written (the preview shows this plan; the import carries it out).
// Items are matched by the key the document gives, then by title; a match
// gets the document's status and any evidence it lacks. Nothing is ever
// deleted. A key the plan makes up from a title is never used to match: two
// titles can share a made-up key's stem (and older versions spelt every
// non-Latin title "item"), so such a match would update the wrong item.
// Names and titles leave the plan NFC-normalised, and are compared by
// `nameKey`: insensitive to Unicode form, case and surrounding space.
import { slugify } from "@/lib/domain/slug";
import { evidenceRequired, priorityLabel, type EvidencePolicy, type ItemPriority, type ItemStatus } from "@/lib/domain/readiness/vocabulary";
import type { ImportedChecklist, ImportedItem, ImportWarning } from "./checklist";

type ExistingItem = { id: string; key: string; title: string; status: ItemStatus; priority: ItemPriority; evidence: string[] };
export type ExistingProject = { evidencePolicy: EvidencePolicy; categories: { id: string; name: string }[]; items: ExistingItem[] };

type PlannedItem = {
  action: "create" | "update" | "unchanged";
  category: string;
  key: string;
  title: string;
  line: number;
  existingId: string | null;
  status: ItemStatus;
  statusBefore: ItemStatus | null;
  // null: the document gave none, so the new item needs triage.
  priority: ItemPriority;
  evidenceToAdd: string[];
  source: ImportedItem;
};

export type ImportPlan = {
  categoriesToCreate: string[];
  items: PlannedItem[];
  counts: { create: number; update: number; unchanged: number; evidence: number };
  warnings: ImportWarning[];
};

/** A name or title as text that is the same for everything a reader takes for the same name: NFC, trimmed, inner space collapsed, lower case. */
export const nameKey = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

// What is stored: NFC, trimmed (the document's own spelling otherwise).
const tidy = (text: string) => text.normalize("NFC").trim();

export function planImport(checklist: ImportedChecklist, existing: ExistingProject): ImportPlan {
  const warnings = [...checklist.warnings];
  // Each known name's spelling in the project, which a look-alike in the document takes.
  const knownCategories = new Map(existing.categories.map((c) => [nameKey(c.name), c.name]));
  const byKey = new Map(existing.items.map((item) => [item.key, item]));
  // Every item of a title, so that a document repeating a title matches each copy once.
  const byTitle = new Map<string, ExistingItem[]>();
  for (const item of existing.items) byTitle.set(nameKey(item.title), [...(byTitle.get(nameKey(item.title)) ?? []), item]);
  const takenKeys = new Set(existing.items.map((item) => item.key));
  const matched = new Set<string>();
  const categoriesToCreate: string[] = [];
  const items: PlannedItem[] = [];

  for (const documentCategory of checklist.categories) {
    let categoryName = knownCategories.get(nameKey(documentCategory.name));
    if (categoryName === undefined) {
      categoryName = tidy(documentCategory.name);
      knownCategories.set(nameKey(categoryName), categoryName);
      categoriesToCreate.push(categoryName);
    }
    const category = { name: categoryName };
    for (const read of documentCategory.items) {
      const source = { ...read, title: tidy(read.title) };
      const givenKey = source.key ? byKey.get(source.key) : undefined;
      const match = [givenKey, ...(byTitle.get(nameKey(source.title)) ?? [])].find((candidate) => candidate && !matched.has(candidate.id));
      // A row whose document states no priority is nobody's weighing: the item needs triage.
      const priority = source.priority ?? match?.priority ?? null;
      const evidenceToAdd = source.evidence.filter((target) => !match?.evidence.includes(target));
      let status = source.status;
      // The project's evidence policy holds for imports too.
      if (status === "DONE" && evidenceRequired(existing.evidencePolicy, priority) && evidenceToAdd.length === 0 && (match?.evidence.length ?? 0) === 0) {
        status = "PARTIAL";
        warnings.push({ line: source.line, message: `“${source.title}” is marked done without evidence, which this project requires for ${priority ? `${priorityLabel(priority).toLowerCase()} items` : "every item"}; imported as Partial.` });
      }
      if (match) {
        matched.add(match.id);
        const changes = match.status !== status || evidenceToAdd.length > 0;
        items.push({ action: changes ? "update" : "unchanged", category: category.name, key: match.key, title: match.title, line: source.line, existingId: match.id, status, statusBefore: match.status, priority: match.priority, evidenceToAdd, source });
        continue;
      }
      const wantedKey = source.key ?? `${slugify(category.name, "general")}.${slugify(source.title)}`;
      let key = wantedKey;
      for (let n = 2; takenKeys.has(key); n += 1) key = `${wantedKey}-${n}`;
      takenKeys.add(key);
      items.push({ action: "create", category: category.name, key, title: source.title, line: source.line, existingId: null, status, statusBefore: null, priority, evidenceToAdd, source });
    }
  }
  return {
    categoriesToCreate,
    items,
    counts: {
      create: items.filter((i) => i.action === "create").length,
      update: items.filter((i) => i.action === "update").length,
      unchanged: items.filter((i) => i.action === "unchanged").length,
      evidence: items.reduce((sum, i) => sum + i.evidenceToAdd.length, 0),
    },
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}
