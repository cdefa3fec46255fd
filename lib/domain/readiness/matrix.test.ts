import { describe, expect, it } from "vitest";
import { glyphFor, readinessMatrix } from "./matrix";
import { DEFAULT_WEIGHTS, type ItemStatus } from "./vocabulary";

const now = new Date("2026-06-01T00:00:00Z");
const item = (categoryId: string, status: ItemStatus) => ({
  categoryId,
  status,
  priority: "HIGH" as const,
  effortHours: null,
  evidenceExpiries: [],
  waiverExpiresAt: null,
  evidenceRequired: false,
  pendingCheck: false,
});

describe("readiness matrix", () => {
  const categories = [
    { id: "a", name: "Security" },
    { id: "b", name: "Testing" },
    { id: "c", name: "Mobile" },
    { id: "d", name: "Docs" },
  ];
  const rows = readinessMatrix(
    categories,
    [item("a", "DONE"), item("a", "DONE"), item("a", "NOT_APPLICABLE"), item("b", "DONE"), item("b", "MISSING"), item("b", "PARTIAL"), item("c", "NOT_APPLICABLE"), item("d", "MISSING")],
    DEFAULT_WEIGHTS,
    now,
  );

  it("has one row per category in order, with counts and percent", () => {
    expect(rows.map((row) => row.name)).toEqual(["Security", "Testing", "Mobile", "Docs"]);
    expect(rows[1].counts).toMatchObject({ DONE: 1, MISSING: 1, PARTIAL: 1 });
    expect(rows[1].percent).toBe(50);
  });

  it("shows ● when all applicable items are done, ◐ for some, ○ for none, – for nothing applicable", () => {
    expect(rows.map((row) => row.glyph)).toEqual(["●", "◐", "–", "○"]);
  });

  it("counts a partial item as some progress", () => {
    const counts = { MISSING: 1, NOT_EVALUATED: 0, PARTIAL: 1, NEEDS_EVIDENCE: 0, STALE: 0, WAIVED: 0, DONE: 0, NOT_APPLICABLE: 0 };
    expect(glyphFor(counts, 2)).toBe("◐");
    expect(glyphFor({ ...counts, PARTIAL: 0, NEEDS_EVIDENCE: 1 }, 2)).toBe("◐");
    expect(glyphFor({ ...counts, PARTIAL: 0, DONE: 1, NEEDS_EVIDENCE: 1 }, 3)).toBe("◐");
  });
});
