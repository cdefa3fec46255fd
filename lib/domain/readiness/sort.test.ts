import { describe, expect, it } from "vitest";
import { parseItemFilter, isFiltering } from "./filters";
import { sortItems, type SortableItem } from "./sort";

type Row = SortableItem & { id: string };
const row = (id: string, overrides: Partial<SortableItem> = {}): Row => ({
  id,
  priority: "MEDIUM",
  standing: "MISSING",
  dueDate: null,
  ownerName: null,
  updatedAt: "2026-06-01T10:00:00.000Z",
  ...overrides,
});
const ids = (rows: Row[]) => rows.map((r) => r.id);

describe("checklist order", () => {
  it("puts critical first and items that need triage last", () => {
    const rows = [row("low", { priority: "LOW" }), row("triage", { priority: null }), row("crit", { priority: "CRITICAL" }), row("high", { priority: "HIGH" })];
    expect(ids(sortItems(rows, "priority"))).toEqual(["crit", "high", "low", "triage"]);
  });

  it("orders by due date with undated items last", () => {
    const rows = [row("none"), row("late", { dueDate: "2026-07-01" }), row("soon", { dueDate: "2026-06-02" })];
    expect(ids(sortItems(rows, "due"))).toEqual(["soon", "late", "none"]);
  });

  it("orders by owner name, case aside, unassigned last", () => {
    const rows = [row("nobody"), row("zoe", { ownerName: "Zoe" }), row("ada", { ownerName: "ada" })];
    expect(ids(sortItems(rows, "owner"))).toEqual(["ada", "zoe", "nobody"]);
  });

  it("puts open work first when ordered by status", () => {
    const rows = [row("na", { standing: "NOT_APPLICABLE" }), row("done", { standing: "DONE" }), row("part", { standing: "PARTIAL" }), row("miss")];
    expect(ids(sortItems(rows, "status"))).toEqual(["miss", "part", "done", "na"]);
  });

  it("puts the latest change first", () => {
    const rows = [row("old", { updatedAt: "2026-01-01T00:00:00.000Z" }), row("new", { updatedAt: "2026-06-02T00:00:00.000Z" })];
    expect(ids(sortItems(rows, "updated"))).toEqual(["new", "old"]);
  });

  it("keeps the project's order among equals, and without an order", () => {
    const rows = ["a", "b", "c", "d"].map((id) => row(id, { priority: id === "c" ? "HIGH" : "LOW" }));
    expect(ids(sortItems(rows, "priority"))).toEqual(["c", "a", "b", "d"]);
    expect(ids(sortItems(rows, undefined))).toEqual(["a", "b", "c", "d"]);
    expect(ids(rows)).toEqual(["a", "b", "c", "d"]);
  });

  it("travels in the URL as `sort`, which filters nothing out", () => {
    expect(parseItemFilter({ sort: "due" })).toEqual({ sort: "due" });
    expect(parseItemFilter({ sort: "random" })).toEqual({});
    expect(isFiltering(parseItemFilter({ sort: "due" }))).toBe(false);
    expect(isFiltering(parseItemFilter({ sort: "due", q: "x" }))).toBe(true);
  });
});
