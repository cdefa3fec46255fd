import { describe, expect, it } from "vitest";
import { daysUntil } from "./dates";
import { filterItems, isDueThisWeek, isFiltering, parseItemFilter, type FilterableItem } from "./filters";

const item = (overrides: Partial<FilterableItem>): FilterableItem => ({
  categoryId: "c1",
  key: "security.rate-limiting",
  title: "Rate limiting",
  notes: "",
  priority: "HIGH",
  standing: "MISSING",
  ownerId: null,
  dueDate: null,
  ...overrides,
});

const context = { userId: "me-id", today: "2026-06-10" };

describe("item filters", () => {
  it("parses known parameters and drops malformed ones", () => {
    expect(parseItemFilter({ status: "DONE", priority: "URGENT", overdue: "1", stale: "yes", q: "  rate ", extra: "x" })).toEqual({
      status: "DONE",
      overdue: "1",
      q: "rate",
    });
    expect(isFiltering(parseItemFilter({}))).toBe(false);
  });

  const items = [
    item({ key: "a.one", title: "Backups", standing: "DONE", ownerId: "me-id", dueDate: "2026-06-01" }),
    item({ key: "a.two", title: "Rate limiting", standing: "MISSING", ownerId: "other", dueDate: "2026-06-01", priority: "CRITICAL" }),
    item({ key: "a.three", title: "Alerts", standing: "STALE", ownerId: null, dueDate: "2026-07-01", categoryId: "c2", notes: "Pager rota" }),
    item({ key: "a.four", title: "Docs", standing: "NOT_APPLICABLE", dueDate: "2026-01-01" }),
    item({ key: "a.five", title: "Runbook", standing: "NEEDS_EVIDENCE", ownerId: "other", priority: null }),
  ];
  const keys = (filter: Record<string, string>) => filterItems(items, parseItemFilter(filter), context).map((i) => i.key);

  it.each([
    [{ status: "DONE" }, ["a.one"]],
    [{ priority: "CRITICAL" }, ["a.two"]],
    [{ owner: "me" }, ["a.one"]],
    [{ owner: "none" }, ["a.three", "a.four"]],
    [{ owner: "other" }, ["a.two", "a.five"]],
    [{ overdue: "1" }, ["a.two"]],
    [{ stale: "1" }, ["a.three"]],
    [{ open: "1" }, ["a.two", "a.three", "a.five"]],
    [{ priority: "NONE" }, ["a.five"]],
    [{ status: "NEEDS_EVIDENCE" }, ["a.five"]],
    [{ category: "c2" }, ["a.three"]],
    [{ q: "pager" }, ["a.three"]],
    [{ q: "A.TWO" }, ["a.two"]],
    [{ owner: "me", status: "MISSING" }, []],
  ])("%j", (filter, expected) => {
    expect(keys(filter)).toEqual(expected);
  });
});

describe("due this week", () => {
  // Today is Wednesday 10 June: this week is the 10th to the 16th (seven days from today).
  const week = [
    item({ key: "w.yesterday", dueDate: "2026-06-09" }),
    item({ key: "w.today", dueDate: "2026-06-10" }),
    item({ key: "w.sixth-day", dueDate: "2026-06-16" }),
    item({ key: "w.next-week", dueDate: "2026-06-17" }),
    item({ key: "w.done", dueDate: "2026-06-12", standing: "DONE" }),
    item({ key: "w.waived", dueDate: "2026-06-12", standing: "WAIVED" }),
    item({ key: "w.not-applicable", dueDate: "2026-06-12", standing: "NOT_APPLICABLE" }),
    item({ key: "w.needs-evidence", dueDate: "2026-06-12", standing: "NEEDS_EVIDENCE" }),
    item({ key: "w.undated" }),
  ];

  it("keeps open items due from today to six days on, and nothing overdue", () => {
    expect(filterItems(week, parseItemFilter({ dueThisWeek: "1" }), context).map((i) => i.key)).toEqual(["w.today", "w.sixth-day", "w.needs-evidence"]);
    expect(filterItems(week, parseItemFilter({ dueThisWeek: "1", overdue: "1" }), context)).toEqual([]);
  });

  it("moves with today across a month and a year end", () => {
    expect(isDueThisWeek({ dueDate: "2027-01-02", standing: "PARTIAL" }, "2026-12-28")).toBe(true);
    expect(isDueThisWeek({ dueDate: "2027-01-04", standing: "PARTIAL" }, "2026-12-28")).toBe(false);
    expect(isDueThisWeek({ dueDate: "2026-12-28", standing: "MISSING" }, "2026-12-28")).toBe(true);
  });
});

describe("days until a date", () => {
  it("counts calendar days from today in the team's zone", () => {
    expect(daysUntil("2026-06-10", new Date("2026-06-01T23:59:00Z"), "UTC")).toBe(9);
    expect(daysUntil("2026-06-01", new Date("2026-06-01T01:00:00Z"), "UTC")).toBe(0);
    expect(daysUntil("2026-05-30", new Date("2026-06-01T01:00:00Z"), "UTC")).toBe(-2);
    expect(daysUntil("2026-06-10", new Date("2026-06-01T23:59:00Z"), "Europe/Berlin")).toBe(8);
  });
});
