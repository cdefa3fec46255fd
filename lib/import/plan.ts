// What importing a checklist into a project will do, decided before anything
// is written (the preview shows this plan; the import carries it out).
// Rows are matched to items by the person's choice in the preview, then the
// key the document gives, then the title, then the meaning (with a
// confidence the preview shows); a match gets the document's status and any
// evidence it lacks. Nothing is ever deleted. A key the plan makes up from a title is never used to match: two
// titles can share a made-up key's stem (and older versions spelt every
// non-Latin title "item"), so such a match would update the wrong item.
// Names and titles leave the plan NFC-normalised, and are compared by
// `nameKey`: insensitive to Unicode form, case and surrounding space.
import { slugify } from "@/lib/domain/slug";
import { evidenceRequired, priorityLabel, type EvidencePolicy, type ItemPriority, type ItemStatus } from "@/lib/domain/readiness/vocabulary";
import type { ImportedChecklist, ImportedItem, ImportWarning } from "./checklist";
import { ACCEPT_FROM } from "@/lib/domain/match-confidence";
import { matchByMeaning } from "./matching/match";

type ExistingItem = {
  id: string;
  key: string;
  title: string;
  status: ItemStatus;
  priority: ItemPriority;
  evidence: string[];
  // The category's name, and what the item says besides its title (why, how
  // to verify): background for matching by meaning.
  category: string;
  context: string;
};
export type ExistingProject = { evidencePolicy: EvidencePolicy; categories: { id: string; name: string }[]; items: ExistingItem[] };

/**
 * How a row found its item: the key the document gives, the same title, the
 * same meaning (matching/match.ts, with its confidence in [0, 1]) or the
 * person's choice in the preview. Key and title matches have confidence 1.
 */
export type ItemMatch = { how: "key" | "title" | "meaning" | "chosen"; confidence: number };

/** An item the row might be, not taken: a weaker proposal, or one the person refused. */
export type MatchSuggestion = { itemId: string; title: string; category: string; confidence: number };

/**
 * The person's decisions in the preview, by document row (1-based, in
 * document order): the id of the project's item the row is, or null for a
 * new item. Rows not named keep the plan's own matching.
 */
export type MatchChoices = ReadonlyMap<number, string | null>;

type PlannedItem = {
  action: "create" | "update" | "unchanged";
  // The row's place in the document (1-based), which choices refer to.
  row: number;
  // The section of the document the row is in, and the category the item is
  // (or will be) in: another one when the row matched an item elsewhere.
  documentCategory: string;
  category: string;
  key: string;
  title: string;
  line: number;
  existingId: string | null;
  match: ItemMatch | null;
  suggestion: MatchSuggestion | null;
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

type Row = { row: number; category: string; source: ImportedItem };

/**
 * Decides, row by row, which existing item each row of the document is:
 * first the person's choices, then the key the document gives, then the same
 * title, then the same meaning; each item is matched at most once. A meaning
 * match below ACCEPT_FROM is only a suggestion (the row becomes a new item).
 */
function matchRows(rows: Row[], existing: ExistingProject, choices: MatchChoices) {
  const byId = new Map(existing.items.map((item) => [item.id, item]));
  const byKey = new Map(existing.items.map((item) => [item.key, item]));
  // Every item of a title, so that a document repeating a title matches each copy once.
  const byTitle = new Map<string, ExistingItem[]>();
  for (const item of existing.items) byTitle.set(nameKey(item.title), [...(byTitle.get(nameKey(item.title)) ?? []), item]);
  const taken = new Set<string>();
  const matches = new Map<number, { item: ExistingItem; match: ItemMatch }>();
  for (const [row, itemId] of choices) {
    const item = itemId === null ? undefined : byId.get(itemId);
    if (item && !taken.has(item.id)) {
      taken.add(item.id);
      matches.set(row, { item, match: { how: "chosen", confidence: 1 } });
    }
  }
  const open = rows.filter(({ row }) => !choices.has(row));
  for (const { row, source } of open) {
    const givenKey = source.key ? byKey.get(source.key) : undefined;
    const candidates: [ExistingItem | undefined, ItemMatch["how"]][] = [[givenKey, "key"], ...(byTitle.get(nameKey(source.title)) ?? []).map((item) => [item, "title"] as [ExistingItem, "title"])];
    const found = candidates.find(([item]) => item && !taken.has(item.id));
    if (found) {
      const item = found[0] as ExistingItem;
      taken.add(item.id);
      matches.set(row, { item, match: { how: found[1], confidence: 1 } });
    }
  }
  // What neither choice, key nor title settled, by meaning.
  const candidates = existing.items.map(({ id, title, category, context }) => ({ id, title, category, context }));
  const asRows = (list: Row[]) => list.map(({ row, category, source }) => ({ row, title: source.title, category }));
  const suggestions = new Map<number, MatchSuggestion>();
  const suggest = (row: number, itemId: string, confidence: number) => {
    const item = byId.get(itemId) as ExistingItem;
    suggestions.set(row, { itemId, title: item.title, category: item.category, confidence });
  };
  for (const { row, itemId, confidence } of matchByMeaning(asRows(open.filter(({ row }) => !matches.has(row))), candidates, taken)) {
    if (confidence < ACCEPT_FROM) suggest(row, itemId, confidence);
    else {
      taken.add(itemId);
      matches.set(row, { item: byId.get(itemId) as ExistingItem, match: { how: "meaning", confidence } });
    }
  }
  // What a row the person made new would have matched, among the items left, so the preview can still offer it.
  const refused = rows.filter(({ row }) => choices.has(row) && choices.get(row) === null);
  for (const { row, itemId, confidence } of matchByMeaning(asRows(refused), candidates, taken)) suggest(row, itemId, confidence);
  return { matches, suggestions };
}

/**
 * What importing `checklist` into `existing` would do, without doing it:
 * items to create, update or leave, categories to create (only those that
 * receive a new item) and warnings. Nothing is ever deleted.
 */
export function planImport(checklist: ImportedChecklist, existing: ExistingProject, choices: MatchChoices = new Map()): ImportPlan {
  const warnings = [...checklist.warnings];
  const rows: Row[] = checklist.categories.flatMap((c) => c.items.map((source) => ({ category: c.name, source: { ...source, title: tidy(source.title) } }))).map((r, index) => ({ ...r, row: index + 1 }));
  const { matches, suggestions } = matchRows(rows, existing, choices);
  // A choice that only confirms the proposal keeps the proposal's account of
  // how the row was matched (the preview sends every row's choice).
  if (choices.size > 0) {
    const proposed = matchRows(rows, existing, new Map()).matches;
    for (const [row, found] of matches) {
      const proposal = proposed.get(row);
      if (found.match.how === "chosen" && proposal?.item.id === found.item.id) found.match = proposal.match;
    }
  }
  // Each known name's spelling in the project, which a look-alike in the document takes.
  const knownCategories = new Map(existing.categories.map((c) => [nameKey(c.name), c.name]));
  const takenKeys = new Set(existing.items.map((item) => item.key));
  const categoriesToCreate: string[] = [];
  const items: PlannedItem[] = [];

  for (const { row, category: documentCategory, source } of rows) {
    const found = matches.get(row);
    const match = found?.item;
    // A row whose document states no priority is nobody's weighing: the item needs triage.
    const priority = source.priority ?? match?.priority ?? null;
    const evidenceToAdd = source.evidence.filter((target) => !match?.evidence.includes(target));
    let status = source.status;
    // The project's evidence policy holds for imports too.
    if (status === "DONE" && evidenceRequired(existing.evidencePolicy, priority) && evidenceToAdd.length === 0 && (match?.evidence.length ?? 0) === 0) {
      status = "PARTIAL";
      warnings.push({ line: source.line, message: `“${source.title}” is marked done without evidence, which this project requires for ${priority ? `${priorityLabel(priority).toLowerCase()} items` : "every item"}; imported as Partial.` });
    }
    const suggestion = suggestions.get(row) ?? null;
    if (found && match) {
      const changes = match.status !== status || evidenceToAdd.length > 0;
      items.push({ action: changes ? "update" : "unchanged", row, documentCategory: tidy(documentCategory), category: match.category, key: match.key, title: match.title, line: source.line, existingId: match.id, match: found.match, suggestion, status, statusBefore: match.status, priority: match.priority, evidenceToAdd, source });
      continue;
    }
    let categoryName = knownCategories.get(nameKey(documentCategory));
    if (categoryName === undefined) {
      categoryName = tidy(documentCategory);
      knownCategories.set(nameKey(categoryName), categoryName);
      categoriesToCreate.push(categoryName);
    }
    const wantedKey = source.key ?? `${slugify(categoryName, "general")}.${slugify(source.title)}`;
    let key = wantedKey;
    for (let n = 2; takenKeys.has(key); n += 1) key = `${wantedKey}-${n}`;
    takenKeys.add(key);
    items.push({ action: "create", row, documentCategory: tidy(documentCategory), category: categoryName, key, title: source.title, line: source.line, existingId: null, match: null, suggestion, status, statusBefore: null, priority, evidenceToAdd, source });
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
