import { describe, expect, it } from "vitest";
import { forecastLaunch, forecastSentence } from "./forecast";

const now = new Date("2026-11-22T12:00:00Z");
const daysAgo = (days: number, remainingEffortHours: number) => ({ takenAt: new Date(now.getTime() - days * 86_400_000).toISOString(), remainingEffortHours });

describe("forecastLaunch", () => {
  it("has nothing to forecast when nothing remains", () => {
    expect(forecastLaunch([daysAgo(5, 40)], 0, now, "2026-12-01")).toEqual({ state: "done" });
  });

  it("needs at least a day of history", () => {
    expect(forecastLaunch([], 40, now, null)).toEqual({ state: "insufficient-history", historyDays: 0 });
    expect(forecastLaunch([daysAgo(0.5, 60)], 40, now, null)).toEqual({ state: "insufficient-history", historyDays: 0 });
  });

  it("projects a steady pace to a date and compares it with the target", () => {
    // 8 hours a day for ten days; 40 hours left → five more days.
    const history = [10, 8, 6, 4, 2].map((d) => daysAgo(d, 40 + 8 * d));
    const forecast = forecastLaunch(history, 40, now, "2026-12-01");
    expect(forecast).toEqual({ state: "forecast", hoursPerDay: 8, date: "2026-11-27", slackDays: 4, onTrack: true });
    expect(forecastSentence(forecast, "2026-12-01")).toBe("Done around 2026-11-27 at the current pace of 8 h a day: 4 days before the target launch on 2026-12-01.");
    const late = forecastLaunch(history, 40, now, "2026-11-25");
    expect(late).toMatchObject({ slackDays: -2, onTrack: false });
    expect(forecastSentence(late, "2026-11-25")).toContain("2 days after the target launch");
    expect(forecastLaunch(history, 40, now, null)).toMatchObject({ slackDays: null, onTrack: null });
  });

  it("only looks at the last two weeks", () => {
    // Fast progress long ago, none lately.
    const history = [daysAgo(40, 400), daysAgo(20, 50), daysAgo(10, 40), daysAgo(3, 40)];
    expect(forecastLaunch(history, 40, now, null)).toEqual({ state: "no-progress", windowDays: 10 });
  });

  it("reports no progress when effort grows", () => {
    const forecast = forecastLaunch([daysAgo(3, 20), daysAgo(2, 30)], 40, now, null);
    expect(forecast.state).toBe("no-progress");
    expect(forecastSentence(forecast, null)).toBe("No forecast: the remaining effort has not gone down in the last 3 days.");
  });

  it("smooths a jump instead of following the last two points", () => {
    // Steady 4 h/day, then a 20-hour item was added yesterday.
    const history = [daysAgo(6, 64), daysAgo(5, 60), daysAgo(4, 56), daysAgo(3, 52), daysAgo(2, 48), daysAgo(1, 64)];
    const forecast = forecastLaunch(history, 60, now, null);
    expect(forecast.state).toBe("forecast");
    if (forecast.state === "forecast") expect(forecast.hoursPerDay).toBeGreaterThan(0);
  });

  it("ignores snapshots from the future", () => {
    expect(forecastLaunch([{ takenAt: "2027-01-01T00:00:00Z", remainingEffortHours: 0 }], 40, now, null).state).toBe("insufficient-history");
  });
});
