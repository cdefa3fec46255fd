import { describe, expect, it } from "vitest";
import { formatDay, formatDaysAway, formatEffort, formatHours, formatMoment, formatMomentInFull } from "./format";

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

  it("shows a moment in the given zone and names the zone", () => {
    const at = "2026-11-29T13:02:00Z";
    expect(formatMoment(at, "Europe/Berlin")).toBe("29 Nov, 14:02 CET");
    expect(formatMoment(at, "Asia/Tokyo")).toBe("29 Nov, 22:02 GMT+9");
    expect(formatMoment(at, "UTC")).toBe("29 Nov, 13:02 UTC");
    // The day moves with the zone: still the 28th in Pago Pago, already the 30th in Kiritimati.
    expect(formatMoment("2026-11-29T05:30:00Z", "Pacific/Pago_Pago")).toBe("28 Nov, 18:30 GMT-11");
    expect(formatMoment("2026-11-29T12:30:00Z", "Pacific/Kiritimati")).toBe("30 Nov, 02:30 GMT+14");
    expect(formatMomentInFull(at, "Asia/Tokyo")).toBe("Sunday, 29 November 2026 at 22:02:00 Japan Standard Time");
  });
});
