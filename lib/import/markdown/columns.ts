// Which column of a table says what: read from the headers where they are
// words Shipshape knows, and from the cells where they are not (a column of
// ✅ ⚠️ ❌ is the status in any language; a column of `T-001` is a key; a
// column of `3/15` is a count). A table that lists people or a schedule
// (schedule.ts) holds no items.
import { hasStatusGlyph, readPriority, readTaskBox } from "@/lib/import/words";
import { isSchedule } from "./schedule";

export type Kind = "name" | "status" | "priority" | "effort" | "evidence" | "owner" | "why" | "notes" | "key";
export type Columns = Record<Kind, number>;
// Why a table holds no items, in the words of the warning.
export type Skip = "no item column" | "people" | "schedule";

const HEADER: Record<Kind, RegExp> = {
  name: /^(?:(?:check|item|task|control|requirement|feature|component|deliverable|blocker|action|gap|area|topic|need|step|objective|checklist(?: item)?|work item)s?|capabilit(?:y|ies)|criteri(?:on|a)|what|title|names?|hạng mục|mục|công việc|nội dung|élément|tâche|exigence|critère|contrôle|elemento|requisito|tarea|anforderung|aufgabe|项目|項目|检查项|事项|任务|要求|項目名)(?:\s+(?:name|title|item))?$/iu,
  status:
    /status|state|done|result|implemented|progress|outcome|verdict|\bcurrent\b|\btoday\b|\bas[- ]?is\b|\bnow\b|trạng thái|tình trạng|statut|état|estado|stato|zustand|状态|狀態|状況|進捗|상태|статус/iu,
  priority: /priority|impact|severity|importance|criticality|must|level|risk|ưu tiên|priorité|优先级|優先/iu,
  effort: /effort|estimate|time|size|hours|days|cost/i,
  evidence: /evidence|files?|proof|links?|where|location|source|reference|artifacts?|pr\b/i,
  owner: /owner|assignee|who|responsible|dri/i,
  why: /why|reason|rationale|description|purpose/i,
  notes: /^(?:notes?|remarks?|comments?|ghi chú|remarques?|commentaires?|notas?|observaciones|anmerkungen|bemerkungen|备注|說明|说明|備考)$/iu,
  key: /^(?:#|no\.?|nr\.?|n[°º]|stt|id|key|ref)$|(?:^|[\s_-])id$/i,
};
// The wanted state next to the current one: never the status.
const NOT_STATUS = /need|target|goal|desired|required|expected|to[- ]?be|future|plan|should|after/i;
// `TaskId`, `ReqID`.
const CAMEL_ID = /[a-z](?:Id|ID)$/;
// One column per level of a scheme: "Tier 1", "Level 2", "L3".
const PER_LEVEL = /^(?:tier|level|lvl|l|stage|grade|class|phase|step)\s*[-#]?\s*\d+$/i;
// Row numbers and identifiers: `1`, `1.`, `T-001`, `PRD-0001`, `SEC.2`.
const KEY_VALUE = /^(?![pP]\d$)(?:\d+[.)]?|[\p{L}]{1,10}[-_.]?\d+(?:[.-]\d+)*)$/u;
// Counts and scores: `3/15`, `26`, `80 %`, `N/A`.
const COUNT_VALUE = /^(?:[\d\s.,/%+~<>≈×x-]+|n\/?a|tbd|[-–—?]+)$/i;
const PEOPLE = /^(?:roles?|contacts?|e-?mails?|phones?|mobile|slack|people|persons?|team members?|members?|vai trò|liên hệ|rôle|联系人|联系方式|角色)$/iu;

const mostly = (cells: string[], test: (cell: string) => boolean) => {
  const filled = cells.filter((cell) => cell.trim() && !/^[\s—–-]*$/.test(cell));
  return filled.length > 0 && filled.filter(test).length * 2 >= filled.length;
};
const all = (cells: string[], test: (cell: string) => boolean) => {
  const filled = cells.filter((cell) => cell.trim());
  return filled.length > 0 && filled.every(test);
};

/**
 * The columns of a table (indexes into its headings, -1 when absent), or why
 * it holds no items. `headings` are the header cells' text, `cells[c]` the
 * text of column c in every body row.
 */
export function chooseColumns(headings: string[], cells: string[][]): { columns: Columns } | { skip: Skip } {
  const column = (index: number) => cells[index] ?? [];
  const perLevel = headings.map((h) => PER_LEVEL.test(h.trim()));
  const header = (kind: Kind, taken: number[]) => headings.findIndex((h, i) => !taken.includes(i) && !perLevel[i] && HEADER[kind].test(h.trim()));

  let key = headings.findIndex((h) => HEADER.key.test(h.trim()) || CAMEL_ID.test(h.trim()));
  // A leading column of row numbers or identifiers is a key whatever its header.
  if (key === -1 && headings.length > 1 && !HEADER.priority.test(headings[0]) && all(column(0), (cell) => KEY_VALUE.test(cell.trim()))) key = 0;
  const taken = key === -1 ? [] : [key];

  // A column another header already claims ("Owner", "Priority": 🔴 there is a priority) is neither item nor status.
  const claimed = (i: number) => (["priority", "effort", "evidence", "owner", "why", "notes"] as const).some((kind) => HEADER[kind].test(headings[i].trim()));
  let name = header("name", taken);
  let status = headings.findIndex((h, i) => !taken.includes(i) && i !== name && !perLevel[i] && HEADER.status.test(h) && !NOT_STATUS.test(h));
  // No status header Shipshape knows: a column of glyphs after the item is the status.
  if (status === -1) {
    status = headings.findIndex((h, i) => !taken.includes(i) && i !== name && i > 0 && !perLevel[i] && !claimed(i) && !NOT_STATUS.test(h) && mostly(column(i), hasStatusGlyph));
  }
  if (name === -1) {
    const candidate = (i: number) => !taken.includes(i) && i !== status && !perLevel[i] && !claimed(i) && !all(column(i), (cell) => COUNT_VALUE.test(cell.trim())) && mostly(column(i), (cell) => /\p{L}/u.test(cell));
    // The item comes before its status; a table of task boxes carries its status in the item.
    const limit = status === -1 ? headings.length : status;
    name = headings.findIndex((_, i) => i < limit && candidate(i) && (status !== -1 || mostly(column(i), (cell) => readTaskBox(cell) !== null)));
  }
  if (status === -1 && headings.some((h) => PEOPLE.test(h.trim()))) return { skip: "people" };
  if (isSchedule(headings, cells, key, status)) return { skip: "schedule" };
  if (name === -1) return { skip: "no item column" };

  const used = [...taken, name, status];
  const columns: Columns = { name, status, key, priority: -1, effort: -1, evidence: -1, owner: -1, why: -1, notes: -1 };
  for (const kind of ["notes", "priority", "effort", "evidence", "owner", "why"] as const) {
    columns[kind] = header(kind, used);
    if (columns[kind] !== -1) used.push(columns[kind]);
  }
  // A column of bare ✅ is not a priority, whatever its header says ("🔴 High" is).
  if (columns.priority !== -1 && mostly(column(columns.priority), (cell) => hasStatusGlyph(cell) && !readPriority(cell))) columns.priority = -1;
  return { columns };
}

export const SKIP_REASON: Record<Skip, string> = {
  "no item column": "has no item column",
  people: "lists people, not items",
  schedule: "is a schedule, not items",
};
