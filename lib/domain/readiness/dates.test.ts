import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayIn, daysBetween, daysUntil, offsetAt, startOfDayIn } from "./dates";

const HOUR = 3_600_000;

// Zones at the edges: +14, −11, half-hour offsets, a DST zone, the southern
// hemisphere, and zones whose clocks jump at midnight (so a day may have no 00:00).
const ZONES = [
  "UTC",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kolkata",
  "America/New_York",
  "America/Los_Angeles",
  "Pacific/Auckland",
  "Europe/Berlin",
  "America/Santiago",
  "Asia/Beirut",
  "America/Havana",
  "Australia/Lord_Howe",
];

const localClock = (at: Date, zone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(at);

describe("dayIn", () => {
  it("is the day on the wall calendar in the zone", () => {
    // Saturday evening in Los Angeles is already Sunday in UTC.
    const saturdayEvening = new Date("2026-11-29T03:30:00Z");
    expect(dayIn(saturdayEvening, "UTC")).toBe("2026-11-29");
    expect(dayIn(saturdayEvening, "America/Los_Angeles")).toBe("2026-11-28");
    expect(dayIn(saturdayEvening, "Pacific/Auckland")).toBe("2026-11-29");
    expect(dayIn(new Date("2026-11-28T10:30:00Z"), "Pacific/Kiritimati")).toBe("2026-11-29");
    expect(dayIn(new Date("2026-11-29T10:30:00Z"), "Pacific/Pago_Pago")).toBe("2026-11-28");
    expect(dayIn(new Date("2026-11-28T18:29:59Z"), "Asia/Kolkata")).toBe("2026-11-28");
    expect(dayIn(new Date("2026-11-28T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-29");
  });

  it("refuses a zone that does not exist", () => {
    expect(() => dayIn(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("offsetAt", () => {
  it("follows daylight saving time", () => {
    expect(offsetAt(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
    expect(offsetAt(new Date("2026-12-01T12:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(offsetAt(new Date("2026-12-01T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(offsetAt(new Date("2026-12-01T12:00:00Z"), "Pacific/Kiritimati")).toBe(14 * HOUR);
  });
});

describe("startOfDayIn", () => {
  it("is local midnight on ordinary days", () => {
    expect(startOfDayIn("2026-11-29", "UTC").toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(startOfDayIn("2026-11-29", "America/New_York").toISOString()).toBe("2026-11-29T05:00:00.000Z");
    expect(startOfDayIn("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(startOfDayIn("2026-11-29", "Pacific/Kiritimati").toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(startOfDayIn("2026-11-29", "Pacific/Pago_Pago").toISOString()).toBe("2026-11-29T11:00:00.000Z");
    expect(startOfDayIn("2026-11-29", "Asia/Kolkata").toISOString()).toBe("2026-11-28T18:30:00.000Z");
  });

  it("handles the days New York changes its clocks (at 02:00, not midnight)", () => {
    expect(startOfDayIn("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDayIn("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfDayIn("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("starts a day whose midnight is skipped at the jump (Santiago, Beirut)", () => {
    // 5 Sep 2026 23:59:59 −04 is followed by 6 Sep 01:00:00 −03.
    const santiago = startOfDayIn("2026-09-06", "America/Santiago");
    expect(santiago.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(localClock(santiago, "America/Santiago")).toBe("01:00:00");
    expect(startOfDayIn("2026-03-29", "Asia/Beirut").toISOString()).toBe("2026-03-28T22:00:00.000Z");
  });

  it("starts a day after a repeated hour at midnight when the clock went back (Santiago)", () => {
    // 4 Apr 2026 23:59:59 −03 is followed by 4 Apr 23:00:00 −04: 5 Apr begins an hour later.
    expect(startOfDayIn("2026-04-05", "America/Santiago").toISOString()).toBe("2026-04-05T04:00:00.000Z");
    expect(dayIn(new Date("2026-04-05T03:30:00Z"), "America/Santiago")).toBe("2026-04-04");
  });

  it("is the first instant of that day in every zone, on any day (property)", () => {
    // From 2 Jan 1995: Kiribati skipped 31 Dec 1994 altogether, a day that has no start.
    const day = fc.date({ min: new Date("1995-01-02T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...ZONES), (calendarDay, zone) => {
        const start = startOfDayIn(calendarDay, zone);
        expect(dayIn(start, zone)).toBe(calendarDay);
        expect(dayIn(new Date(start.getTime() - 1000), zone)).toBe(addDays(calendarDay, -1));
        // Local 00:00, or 01:00 where the clock jumped over midnight.
        expect(["00:00:00", "01:00:00"]).toContain(localClock(start, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it("covers every DST change of the zones, in both directions (exhaustive over 2026)", () => {
    for (const zone of ZONES) {
      for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
        const start = startOfDayIn(day, zone);
        expect(dayIn(start, zone), `${zone} ${day}`).toBe(day);
        expect(dayIn(new Date(start.getTime() - 1000), zone), `${zone} ${day}`).toBe(addDays(day, -1));
      }
    }
  });
});

describe("day arithmetic", () => {
  it("adds and counts calendar days across months, years and DST", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-12-01", "2026-11-24")).toBe(-7);
  });

  it("counts days until a day from today in the zone", () => {
    // 03:30 UTC on the 29th is still the 28th in Los Angeles.
    const now = new Date("2026-11-29T03:30:00Z");
    expect(daysUntil("2026-11-29", now, "UTC")).toBe(0);
    expect(daysUntil("2026-11-29", now, "America/Los_Angeles")).toBe(1);
    expect(daysUntil("2026-11-28", now, "America/Los_Angeles")).toBe(0);
    expect(daysUntil("2026-11-28", now, "Pacific/Kiritimati")).toBe(-1);
  });
});
