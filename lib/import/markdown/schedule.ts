// A schedule is a table whose rows are the periods of a plan ("Phase 1",
// "Week 3", "Sprint 12", "Q1 2027") with what is due in each and when. A
// status column does not make it a checklist: "| Phase | Tasks | Target |
// Status |" tracks the plan, and its rows are not readiness items. A table
// that names a real item column ("| Phase | Check | Status |") is a
// checklist grouped by period, and a date or milestone column after the item
// ("| Item | Status | Due |") is only a due date.

// Headers that name a period of a plan.
export const PERIOD = /^(?:phases?|weeks?|sprints?|milestones?|stages?|days?|dates?|when|timeline|periods?|months?|quarters?|iterations?|releases?|waves?|giai đoạn|tuần|étape|semaine|阶段|周)$/iu;

// Headers of the items a readiness table checks. `Task`, `Deliverable`,
// `Objective`, `Goal` are what a period of a plan holds, not items.
const CHECK_HEADER =
  /^(?:(?:check|item|control|requirement|blocker|gap|component|checklist item|work item)s?|capabilit(?:y|ies)|criteri(?:on|a)|check name|item name|hạng mục|élément|exigence|critère|contrôle|elemento|requisito|anforderung|检查项|項目名)$/iu;

// Headers of the dates and targets a schedule gives each period.
const TIMING = /^(?:(?:target|due|start|end|finish|release|go[- ]live)(?: date)?s?|deadlines?|dates?|eta|when|timeline|time ?frame|duration|schedule|milestones?|planned(?: date| for)?)$/iu;

// Cells that name a period or a date: "Phase 1", "Week 3", "Sprint 12",
// "M2", "Q1 2027", "2026-12-01", "Dec 4" (not "1.2": that numbers steps). Each alternative is
// anchored and bounded, so that no cell makes the pattern backtrack.
const PERIOD_CELL = /^(?:(?:phase|week|wk|sprint|stage|milestone|iteration|release|wave|day|month|m|q|h)\s?[-#]?\s?\d{1,4}\b|\d{4}-\d{1,2}(?:-\d{1,2})?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{1,4}\b)/i;
const DATE_CELL = /^(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{1,4}|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}|(?:week|wk|sprint)\s?\d{1,4}|q[1-4](?:\s\d{4})?)\b/i;

const filled = (cells: string[]) => cells.map((cell) => cell.trim()).filter((cell) => cell && !/^[\s—–-]*$/.test(cell));
const mostly = (cells: string[], test: (cell: string) => boolean) => {
  const values = filled(cells);
  return values.length > 0 && values.filter(test).length * 2 >= values.length;
};

/**
 * Whether a table is a schedule rather than items. `headings` are the header
 * cells' text, `cells[c]` the text of column c in every body row, `key` the
 * column taken as the rows' key (-1 when none) and `status` the status
 * column (-1 when none). The leading column (after a `#` or `ID` column)
 * names a period, by its header or by its cells alongside a column of dates
 * or targets, and no column names the items a checklist checks.
 */
export function isSchedule(headings: string[], cells: string[][], key: number, status: number): boolean {
  const heading = (index: number) => headings[index]?.trim() ?? "";
  // The period leads, unless a `#` or `ID` column comes before it.
  const lead = key === 0 && headings.length > 1 && !PERIOD.test(heading(0)) ? 1 : 0;
  // "| Phase | Check | Status |", "| Milestone | Requirement | … |": a checklist grouped by period.
  if (headings.some((h, i) => i !== lead && CHECK_HEADER.test(h.trim()))) return false;
  if (PERIOD.test(heading(lead))) return true;
  // "| Plan | Tasks | Target | Status |" with "Phase 1", "Phase 2": periods by their cells, beside their dates.
  const timing = headings.some((h, i) => i !== lead && i !== status && i !== key && (TIMING.test(h.trim()) || mostly(cells[i] ?? [], (cell) => DATE_CELL.test(cell))));
  return timing && mostly(cells[lead] ?? [], (cell) => PERIOD_CELL.test(cell));
}
