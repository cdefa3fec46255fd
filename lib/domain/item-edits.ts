// Edits by several people: which fields an edit based on an older version may
// still change, and how a change someone else made meanwhile is said in words.
// The rule is decided in docs/adr/0017-edits-merge-by-field.md.
import { formatDay, formatHours } from "./format";
import { NEEDS_TRIAGE_LABEL, PRIORITY_LABEL, STATUS_LABEL, type ItemStatus, type Priority } from "./readiness/vocabulary";

export const EDITABLE_ITEM_FIELDS = [
  "status",
  "notApplicableReason",
  "priority",
  "ownerId",
  "dueDate",
  "effortHours",
  "notes",
  "title",
  "why",
  "howToVerify",
  "categoryId",
] as const;
export type ItemField = (typeof EDITABLE_ITEM_FIELDS)[number];

// How a sentence names each field: "Dana changed the <name> …".
export const ITEM_FIELD_NAME: Record<ItemField, string> = {
  status: "status",
  notApplicableReason: "N/A reason",
  priority: "priority",
  ownerId: "owner",
  dueDate: "due date",
  effortHours: "effort",
  notes: "notes",
  title: "title",
  why: "explanation of why it matters",
  howToVerify: "verification guidance",
  categoryId: "category",
};

// Texts too long to quote in a sentence: only the fact that they changed is said.
const LONG_TEXTS: ReadonlySet<ItemField> = new Set<ItemField>(["notes", "why", "howToVerify"]);

/**
 * One recorded change of an item (an activity record that bumped its version):
 * `version` is the version it produced, `by` the person's name, `at` an ISO
 * time, `before`/`after` the changed fields only, in their stored JSON form
 * (days as ISO date-times, hours as numbers, people and categories as ids).
 */
export type RecordedItemChange = {
  version: number;
  by: string;
  at: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/** A field of an edit that clashes, with the changes that made it clash (null: a version without a record of its fields). */
export type FieldClash = { field: ItemField; changes: RecordedItemChange[] | null };

/**
 * Which fields of an edit based on `baseVersion` apply on top of the current
 * version, which clash with changes made since, and which versions since have
 * no record of their fields (`unrecorded`):
 * - a field nobody changed since the base version applies;
 * - a field already holding the edit's value is left alone (no clash);
 * - any other field changed since clashes, whoever changed it (the same person
 *   in another tab cannot see that change either), even when the edit sends
 *   it back as it was: only the person knows whether they meant to undo it,
 *   so forms send only the fields the person changed;
 * - when a version since the base has no record of its fields, every field the
 *   edit would change clashes: nothing may be overwritten unseen.
 * Values are compared in their stored JSON form; an empty text equals none.
 */
export function rebaseEdit({ baseVersion, currentVersion, current, mine, history }: {
  baseVersion: number;
  currentVersion: number;
  current: Partial<Record<ItemField, unknown>>;
  mine: Partial<Record<ItemField, unknown>>;
  history: readonly RecordedItemChange[];
}): { apply: ItemField[]; clashes: FieldClash[]; unrecorded: number[] } {
  const since = history.filter((change) => change.version > baseVersion && change.version <= currentVersion).sort((a, b) => a.version - b.version);
  const recorded = new Set(since.map((change) => change.version));
  const unrecorded: number[] = [];
  for (let version = baseVersion + 1; version <= currentVersion; version += 1) if (!recorded.has(version)) unrecorded.push(version);

  const apply: ItemField[] = [];
  const clashes: FieldClash[] = [];
  for (const field of Object.keys(mine) as ItemField[]) {
    if (sameValue(mine[field], current[field])) continue;
    if (unrecorded.length > 0) {
      clashes.push({ field, changes: null });
      continue;
    }
    const touching = since.filter((change) => field in change.after);
    if (touching.length === 0) apply.push(field);
    else clashes.push({ field, changes: touching });
  }
  return { apply, clashes, unrecorded };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? "") === (b ?? "");
}

/** Names to say ids in words: people (owners) and categories, by id. */
export type ItemNames = { people?: Record<string, string>; categories?: Record<string, string> };

/**
 * A field's value in words, or null for "none" and for long texts (which are
 * never quoted). Statuses and priorities use the vocabulary's labels, owners
 * and categories their names; an id without a known name is never shown.
 */
export function itemValueInWords(field: ItemField, value: unknown, names: ItemNames = {}): string | null {
  if (field === "priority" && value === null) return NEEDS_TRIAGE_LABEL.toLowerCase();
  if (value === null || value === undefined || value === "" || LONG_TEXTS.has(field)) return null;
  switch (field) {
    case "status":
      return STATUS_LABEL[value as ItemStatus] ?? String(value);
    case "priority":
      return PRIORITY_LABEL[value as Priority] ?? String(value);
    case "ownerId":
      return names.people?.[String(value)] ?? "a former member";
    case "categoryId":
      return names.categories?.[String(value)] ?? "a deleted category";
    case "dueDate":
      return formatDay(String(value));
    case "effortHours":
      return formatHours(Number(value));
    default: {
      const text = String(value);
      return `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
    }
  }
}

/**
 * A change someone else made since the version an edit was based on, in
 * words: `by` a person's name, `at` an ISO time (null when unknown), `from`
 * and `to` values in words (null for none, and for long texts). `recorded`
 * is false for a version that left no record of its fields.
 */
export type ConflictingChange = {
  field: ItemField;
  by: string;
  at: string | null;
  from: string | null;
  to: string | null;
  recorded: boolean;
};

/**
 * One sentence for a conflicting change, e.g. "Dana set the owner to Lee at
 * 14:02 UTC". `when` is the time already formatted for the reader (the server
 * says UTC; the browser its own zone); omitted when the time is unknown.
 */
export function describeConflictingChange(change: ConflictingChange, when: string | null): string {
  const name = ITEM_FIELD_NAME[change.field];
  const at = when ? ` at ${when}` : "";
  if (!change.recorded) return `${change.by} changed this item${at} without a record of which fields, so the ${name} may have changed`;
  if (LONG_TEXTS.has(change.field)) return `${change.by} changed the ${name}${at}`;
  if (change.from === null) return `${change.by} set the ${name} to ${change.to ?? "none"}${at}`;
  if (change.to === null) return `${change.by} cleared the ${name}${at} (it was ${change.from})`;
  return `${change.by} changed the ${name} from ${change.from} to ${change.to}${at}`;
}

/** "You set the priority to Critical": the edit that was not applied, in words. */
export function describeOwnEdit(changes: Partial<Record<ItemField, unknown>>, names: ItemNames = {}): string {
  const parts = (Object.keys(changes) as ItemField[])
    .filter((field) => field in ITEM_FIELD_NAME)
    .map((field) => {
      const words = itemValueInWords(field, changes[field], names);
      if (LONG_TEXTS.has(field)) return `changed the ${ITEM_FIELD_NAME[field]}`;
      return words === null ? `cleared the ${ITEM_FIELD_NAME[field]}` : `set the ${ITEM_FIELD_NAME[field]} to ${words}`;
    });
  return parts.length ? `You ${joinWords(parts)}` : "";
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
