import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayIn } from "@/lib/domain/readiness/dates";
import { dailySlot, isoWeek, wallTimeIn, weeklySlot } from "./digest-slots";

const hourIn = (at: Date, zone: string) => Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(at));
const ZONES = ["UTC", "Pacific/Auckland", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", "America/Santiago"];

describe("digest slots", () => {
  it("falls at 08:00 on the team's wall clock, daylight saving included", () => {
    // New Zealand leaves daylight saving at 03:00 on 2026-04-05, New York enters it at 02:00 on 2026-03-08.
    expect(wallTimeIn("2026-04-05", 8, "Pacific/Auckland").toISOString()).toBe("2026-04-04T20:00:00.000Z");
    expect(wallTimeIn("2026-04-04", 8, "Pacific/Auckland").toISOString()).toBe("2026-04-03T19:00:00.000Z");
    expect(wallTimeIn("2026-03-08", 8, "America/New_York").toISOString()).toBe("2026-03-08T12:00:00.000Z");
    expect(wallTimeIn("2026-03-07", 8, "America/New_York").toISOString()).toBe("2026-03-07T13:00:00.000Z");
  });

  it("is today's once 08:00 has come, otherwise yesterday's; the weekly one a Monday's", () => {
    expect(dailySlot(new Date("2026-12-01T12:59:59Z"), "America/New_York").day).toBe("2026-11-30");
    expect(dailySlot(new Date("2026-12-01T13:00:00Z"), "America/New_York").day).toBe("2026-12-01");
    expect(weeklySlot(new Date("2026-12-07T12:59:00Z"), "America/New_York").day).toBe("2026-11-30");
    expect(weeklySlot(new Date("2026-12-07T13:00:00Z"), "America/New_York").day).toBe("2026-12-07");
    // Monday 08:00 in Auckland is Sunday evening in UTC.
    expect(weeklySlot(new Date("2026-12-06T19:00:00Z"), "Pacific/Auckland").day).toBe("2026-12-07");
  });

  it("names ISO weeks, the year being the week's", () => {
    expect(isoWeek("2026-12-28")).toBe("2026-W53");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2026-11-30")).toBe("2026-W49");
  });

  it("always gives the latest slot at or before now, on its own day at 08:00", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2060-01-01"), noInvalidDate: true }), fc.constantFrom(...ZONES), (now, zone) => {
        const daily = dailySlot(now, zone);
        expect(daily.at.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime() - daily.at.getTime()).toBeLessThan(25 * 3_600_000);
        expect(dayIn(daily.at, zone)).toBe(daily.day);
        expect(hourIn(daily.at, zone)).toBe(8);
        const weekly = weeklySlot(now, zone);
        expect(weekly.at.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime() - weekly.at.getTime()).toBeLessThan(7 * 24 * 3_600_000 + 3_600_000);
        expect(new Date(`${weekly.day}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(hourIn(weekly.at, zone)).toBe(8);
      }),
    );
  });
});
