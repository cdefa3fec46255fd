import { describe, expect, it } from "vitest";
import { formatRelative, formatSince } from "./wording";

const now = new Date("2026-11-29T14:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe("check times", () => {
  it("say how long ago or how soon, in the largest whole unit", () => {
    expect([at(0), at(-0.5), at(-5), at(-59), at(-60), at(-179), at(-24 * 60), at(-50 * 60)].map((iso) => formatRelative(iso, now))).toEqual([
      "just now",
      "just now",
      "5 min ago",
      "59 min ago",
      "1 h ago",
      "2 h ago",
      "1 day ago",
      "2 days ago",
    ]);
    expect([at(0.5), at(40), at(120), at(3 * 24 * 60), at(-0.5), at(-90)].map((iso) => formatRelative(iso, now, "due"))).toEqual([
      "due now",
      "in 40 min",
      "in 2 h",
      "in 3 days",
      "due now",
      "due 1 h ago",
    ]);
    // A run reported by a clock a little ahead of this one has just happened.
    expect([at(0.5), at(3)].map((iso) => formatRelative(iso, now))).toEqual(["just now", "just now"]);
  });

  it("name the time of day alone on the same day in the zone, with the day otherwise", () => {
    expect(formatSince("2026-11-29T08:12:00Z", "Europe/Berlin", now)).toBe("09:12 CET");
    expect(formatSince("2026-11-28T08:12:00Z", "Europe/Berlin", now)).toBe("28 Nov, 09:12 CET");
    // 23:30 on the 28th in New York is the 29th in UTC, but not the same day there as 09:00 on the 29th.
    expect(formatSince("2026-11-29T04:30:00Z", "America/New_York", new Date("2026-11-29T14:00:00Z"))).toBe("28 Nov, 23:30 GMT-5");
  });
});
