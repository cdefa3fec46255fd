import { describe, expect, it } from "vitest";
import { formatDay, formatDaysAway, formatEffort, formatHours } from "./format";

describe("format", () => {
  it.each([
    [null, "—"],
    [3, "3 h"],
    [1.5, "1.5 h"],
    [0.25, "0.25 h"],
    [40, "5 d"],
  ])("hours %s → %s", (hours, text) => expect(formatHours(hours)).toBe(text));

  it("reads remaining effort in days once it is large", () => {
    expect(formatEffort(0)).toBe("0 h");
    expect(formatEffort(6)).toBe("6 h");
    expect(formatEffort(123)).toBe("15.4 days");
  });

  it("says how far away a date is", () => {
    expect(formatDaysAway(null)).toBe("No target date");
    expect(formatDaysAway(0)).toBe("Today");
    expect(formatDaysAway(12)).toBe("12 days to go");
    expect(formatDaysAway(-3)).toBe("3 days overdue");
    expect(formatDay("2026-12-01")).toBe("1 Dec 2026");
  });
});
