import { describe, expect, it } from "vitest";
import { forecastLaunch, forecastSentence, type Progress } from "./forecast";

const now = new Date("2026-11-22T12:00:00Z");
const daysAgo = (days: number, remainingEffortHours: number, openItems: number | null = null) => ({
  takenAt: new Date(now.getTime() - days * 86_400_000).toISOString(),
  remainingEffortHours,
  openItems,
});
const estimated = (remainingEffortHours: number, openItems = 5): Progress => ({ remainingEffortHours, openItems, unestimatedItems: 0 });

describe("forecastLaunch", () => {
  it("has nothing to forecast when no applicable item is open", () => {
    expect(forecastLaunch([daysAgo(5, 40)], { remainingEffortHours: 0, openItems: 0, unestimatedItems: 0 }, now, "2026-12-01", "UTC")).toEqual({ state: "done" });
  });

  it("needs at least a day of history", () => {
    expect(forecastLaunch([], estimated(40), now, null, "UTC")).toEqual({ state: "insufficient-history", basis: "effort", historyDays: 0, unestimatedItems: 0 });
    expect(forecastLaunch([daysAgo(0.5, 60)], estimated(40), now, null, "UTC")).toMatchObject({ state: "insufficient-history", historyDays: 0 });
  });

  it("projects a steady pace to a date and compares it with the target", () => {
    // 8 hours a day for ten days; 40 hours left → five more days.
    const history = [10, 8, 6, 4, 2].map((d) => daysAgo(d, 40 + 8 * d));
    const forecast = forecastLaunch(history, estimated(40), now, "2026-12-01", "UTC");
    expect(forecast).toEqual({ state: "forecast", basis: "effort", hoursPerDay: 8, itemsPerDay: null, date: "2026-11-27", slackDays: 4, onTrack: true, unestimatedItems: 0 });
    expect(forecastSentence(forecast, "2026-12-01")).toBe("Done around 2026-11-27 at the current pace of 8 h a day: 4 days before the target launch on 2026-12-01.");
    const late = forecastLaunch(history, estimated(40), now, "2026-11-25", "UTC");
    expect(late).toMatchObject({ slackDays: -2, onTrack: false });
    expect(forecastSentence(late, "2026-11-25")).toContain("2 days after the target launch");
    expect(forecastLaunch(history, estimated(40), now, null, "UTC")).toMatchObject({ slackDays: null, onTrack: null });
  });

  it("counts the forecast date from today in the team's zone", () => {
    // 12:00 UTC on 22 Nov is already 02:00 on 23 Nov in Kiritimati (+14), still 01:00 on 22 Nov in Pago Pago (−11).
    const history = [10, 8, 6, 4, 2].map((d) => daysAgo(d, 40 + 8 * d));
    expect(forecastLaunch(history, estimated(40), now, "2026-12-01", "Pacific/Kiritimati")).toMatchObject({ date: "2026-11-28", slackDays: 3 });
    expect(forecastLaunch(history, estimated(40), now, "2026-12-01", "Pacific/Pago_Pago")).toMatchObject({ date: "2026-11-27", slackDays: 4 });
  });

  it("only looks at the last two weeks", () => {
    // Fast progress long ago, none lately.
    const history = [daysAgo(40, 400), daysAgo(20, 50), daysAgo(10, 40), daysAgo(3, 40)];
    expect(forecastLaunch(history, estimated(40), now, null, "UTC")).toEqual({ state: "no-progress", basis: "effort", windowDays: 10, unestimatedItems: 0 });
  });

  it("reports no progress when effort grows", () => {
    const forecast = forecastLaunch([daysAgo(3, 20), daysAgo(2, 30)], estimated(40), now, null, "UTC");
    expect(forecast.state).toBe("no-progress");
    expect(forecastSentence(forecast, null)).toBe("No forecast: the remaining effort has not gone down in the last 3 days.");
  });

  it("smooths a jump instead of following the last two points", () => {
    // Steady 4 h/day, then a 20-hour item was added yesterday.
    const history = [daysAgo(6, 64), daysAgo(5, 60), daysAgo(4, 56), daysAgo(3, 52), daysAgo(2, 48), daysAgo(1, 64)];
    const forecast = forecastLaunch(history, estimated(60), now, null, "UTC");
    expect(forecast.state).toBe("forecast");
    if (forecast.state === "forecast") expect(forecast.hoursPerDay).toBeGreaterThan(0);
  });

  it("ignores snapshots from the future", () => {
    expect(forecastLaunch([{ takenAt: "2027-01-01T00:00:00Z", remainingEffortHours: 0, openItems: 0 }], estimated(40), now, null, "UTC").state).toBe("insufficient-history");
  });
});

describe("forecast with items nobody estimated", () => {
  // An imported document: 12 open items, none estimated, so 0 h "remaining".
  const unestimated: Progress = { remainingEffortHours: 0, openItems: 12, unestimatedItems: 12 };

  it("never says nothing is left while items are open", () => {
    const forecast = forecastLaunch([], unestimated, now, "2026-12-01", "UTC");
    expect(forecast.state).not.toBe("done");
    expect(forecastSentence(forecast, "2026-12-01")).toBe(
      "No forecast yet: 12 open items have no effort estimate, and the pace of items closed needs at least a day of recorded progress.",
    );
  });

  it("falls back to the pace of items closed per day", () => {
    // Two items closed a day over five days; 12 open → six more days.
    const history = [5, 4, 3, 2, 1].map((d) => daysAgo(d, 0, 12 + 2 * d));
    const forecast = forecastLaunch(history, unestimated, now, "2026-12-01", "UTC");
    expect(forecast).toEqual({ state: "forecast", basis: "items", hoursPerDay: null, itemsPerDay: 2, date: "2026-11-28", slackDays: 3, onTrack: true, unestimatedItems: 12 });
    expect(forecastSentence(forecast, "2026-12-01")).toBe(
      "Done around 2026-11-28 at the current pace of 2 items closed a day (12 open items have no effort estimate): 3 days before the target launch on 2026-12-01.",
    );
  });

  it("uses the item pace as soon as one open item is unestimated, even with hours known for the rest", () => {
    const history = [4, 2].map((d) => daysAgo(d, 100 + 10 * d, 10 + d));
    expect(forecastLaunch(history, { remainingEffortHours: 100, openItems: 10, unestimatedItems: 1 }, now, null, "UTC")).toMatchObject({ basis: "items", itemsPerDay: 1 });
  });

  it("skips old snapshots that did not count open items", () => {
    expect(forecastLaunch([daysAgo(5, 0), daysAgo(3, 0)], unestimated, now, null, "UTC")).toMatchObject({ state: "insufficient-history", basis: "items" });
  });

  it("says why when nothing is being closed", () => {
    const forecast = forecastLaunch([daysAgo(4, 0, 12), daysAgo(2, 0, 12)], unestimated, now, null, "UTC");
    expect(forecastSentence(forecast, null)).toBe("No forecast: 12 open items have no effort estimate, and no open items were closed in the last 4 days.");
  });

  it("treats open items estimated at zero hours like unestimated ones", () => {
    const forecast = forecastLaunch([], { remainingEffortHours: 0, openItems: 2, unestimatedItems: 0 }, now, null, "UTC");
    expect(forecast).toMatchObject({ state: "insufficient-history", basis: "items" });
    expect(forecastSentence(forecast, null)).not.toContain("Nothing left");
  });
});
