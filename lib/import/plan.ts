// What importing a checklist into a project will do, decided before anything
// is written (the preview shows this plan; the import carries it out).
// Items are matched by key, then by title; a match gets the document's
// status and any evidence it lacks. Nothing is ever deleted.
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

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

export function planImport(checklist: ImportedChecklist, existing: ExistingProject): ImportPlan {
  const warnings = [...checklist.warnings];
  const knownCategories = new Set(existing.categories.map((c) => normalise(c.name)));
  const byKey = new Map(existing.items.map((item) => [item.key, item]));
  const byTitle = new Map(existing.items.map((item) => [normalise(item.title), item]));
  const takenKeys = new Set(existing.items.map((item) => item.key));
  const matched = new Set<string>();
  const categoriesToCreate: string[] = [];
  const items: PlannedItem[] = [];

  for (const category of checklist.categories) {
    if (!knownCategories.has(normalise(category.name))) {
      knownCategories.add(normalise(category.name));
      categoriesToCreate.push(category.name);
    }
    for (const source of category.items) {
      const wantedKey = source.key ?? `${slugify(category.name, "general")}.${slugify(source.title)}`;
      const match = [byKey.get(wantedKey), byTitle.get(normalise(source.title))].find((candidate) => candidate && !matched.has(candidate.id));
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
