import { describe, expect, it } from "vitest";
import { reportedCheckSettings } from "@/lib/schemas/check-settings";
import { run } from "./reported";

const now = new Date("2026-11-29T12:00:00Z");
const settings = reportedCheckSettings.parse({ kind: "reported", maxAgeDays: 7 });
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("the reported check", () => {
  it("repeats a recent result's verdict", async () => {
    const passed = await run(settings, { now: () => now, lastReport: { reportedAt: daysAgo(2), passed: true, summary: "backup restored in 4 min" } });
    expect(passed).toMatchObject({ passed: true, summary: "passed as reported 2 days ago (2026-11-27): backup restored in 4 min" });
    const failed = await run(settings, { now: () => now, lastReport: { reportedAt: daysAgo(0), passed: false } });
    expect(failed).toMatchObject({ passed: false, summary: "failed as reported today (2026-11-29)" });
  });

  it("fails when the last result is older than the window, or none came", async () => {
    expect((await run(settings, { now: () => now, lastReport: { reportedAt: daysAgo(7), passed: true } })).passed).toBe(true);
    const old = await run(settings, { now: () => now, lastReport: { reportedAt: daysAgo(7.5), passed: true } });
    expect(old).toMatchObject({ passed: false, summary: "last result reported 7 days ago (2026-11-22), more than 7 days" });
    expect((await run(settings, { now: () => now, lastReport: null })).summary).toBe("no result reported yet (expected every 7 days)");
  });
});
