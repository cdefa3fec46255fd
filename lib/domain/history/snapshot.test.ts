import { describe, expect, it } from "vitest";
import { sameReadiness, snapshotHour, trendSeries, type Snapshot, type SnapshotValues } from "./snapshot";

const values = (overrides: Partial<SnapshotValues> = {}): SnapshotValues => ({
  readinessPercent: 40,
  level: 0,
  launchBlockers: 2,
  remainingEffortHours: 30,
  applicable: 10,
  openItems: 6,
  categories: [
    { id: "c1", name: "Testing", percent: 50, applicable: 4 },
    { id: "c2", name: "Security", percent: 30, applicable: 6 },
  ],
  ...overrides,
});

describe("sameReadiness", () => {
  it("sees any moved number", () => {
    expect(sameReadiness(values(), values())).toBe(true);
    expect(sameReadiness(values(), values({ readinessPercent: 41 }))).toBe(false);
    expect(sameReadiness(values(), values({ remainingEffortHours: 29.5 }))).toBe(false);
    expect(sameReadiness(values(), values({ launchBlockers: 1 }))).toBe(false);
    expect(sameReadiness(values(), values({ openItems: 5 }))).toBe(false);
    expect(sameReadiness(values(), values({ categories: values().categories.slice(0, 1) }))).toBe(false);
    const renamed = values().categories.map((c) => (c.id === "c2" ? { ...c, name: "AppSec" } : c));
    expect(sameReadiness(values(), values({ categories: renamed }))).toBe(false);
  });
});

describe("snapshotHour", () => {
  it("truncates to the hour in UTC", () => {
    expect(snapshotHour(new Date("2026-11-22T13:59:59.999Z")).toISOString()).toBe("2026-11-22T13:00:00.000Z");
  });
});

describe("trendSeries", () => {
  it("keeps a renamed category as one line under its latest name, and gaps where it had nothing applicable", () => {
    const snapshots: Snapshot[] = [
      { ...values(), takenAt: "2026-11-01T10:00:00Z", trigger: "CHANGE" },
      { ...values({ readinessPercent: 55, categories: [{ id: "c1", name: "Tests", percent: 80, applicable: 4 }, { id: "c3", name: "Docs", percent: 0, applicable: 0 }] }), takenAt: "2026-11-02T00:05:00Z", trigger: "DAILY" },
    ];
    const series = trendSeries(snapshots);
    expect(series.categories).toEqual([
      { id: "c1", name: "Tests" },
      { id: "c3", name: "Docs" },
      { id: "c2", name: "Security" },
    ]);
    expect(series.rows).toEqual([
      { takenAt: "2026-11-01T10:00:00Z", overall: 40, "category:c1": 50, "category:c2": 30, "category:c3": null },
      { takenAt: "2026-11-02T00:05:00Z", overall: 55, "category:c1": 80, "category:c2": null, "category:c3": null },
    ]);
  });

  it("is empty without snapshots", () => {
    expect(trendSeries([])).toEqual({ rows: [], categories: [] });
  });
});
