import { describe, expect, it } from "vitest";
import { resultExpiresAt, verdictOf, type CheckRules, type CheckStanding } from "./verdict";

const at = new Date("2026-11-29T09:12:00Z");
const rules: CheckRules = { failuresBeforeFailing: 2, failingStatus: "MISSING" };
const pending: CheckStanding = { state: "PENDING", consecutiveFailures: 0, failingSince: null };

describe("verdictOf", () => {
  it("makes the item Done on a pass and clears any run of failures", () => {
    expect(verdictOf({ ...pending, ...rules }, true, at, "MISSING")).toEqual({
      state: "PASSING", consecutiveFailures: 0, failingSince: null, itemStatus: "DONE", stateChanged: true,
    });
    const failing = { state: "FAILING" as const, consecutiveFailures: 3, failingSince: new Date("2026-11-28T00:00:00Z"), ...rules };
    expect(verdictOf(failing, true, at, "MISSING")).toMatchObject({ state: "PASSING", consecutiveFailures: 0, failingSince: null, itemStatus: "DONE" });
  });

  it("leaves an item that is already Done, and a passing check, unchanged on another pass", () => {
    expect(verdictOf({ state: "PASSING", consecutiveFailures: 0, failingSince: null, ...rules }, true, at, "DONE")).toMatchObject({ itemStatus: null, stateChanged: false });
  });

  it("keeps the item as it is until the failures in a row reach the threshold", () => {
    const passing = { state: "PASSING" as const, consecutiveFailures: 0, failingSince: null, ...rules };
    const first = verdictOf(passing, false, at, "DONE");
    expect(first).toEqual({ state: "PASSING", consecutiveFailures: 1, failingSince: at, itemStatus: null, stateChanged: false });
    const later = new Date(at.getTime() + 3_600_000);
    const second = verdictOf({ ...first, ...rules }, false, later, "DONE");
    // failingSince stays at the first failure of the run.
    expect(second).toEqual({ state: "FAILING", consecutiveFailures: 2, failingSince: at, itemStatus: "MISSING", stateChanged: true });
  });

  it("gives the item the check's failing status, and fails at once with a threshold of one", () => {
    expect(verdictOf({ ...pending, failuresBeforeFailing: 1, failingStatus: "PARTIAL" }, false, at, "DONE")).toMatchObject({ state: "FAILING", itemStatus: "PARTIAL" });
  });

  it("keeps a check Pending while its first failures stay below the threshold", () => {
    expect(verdictOf({ ...pending, ...rules }, false, at, "MISSING")).toMatchObject({ state: "PENDING", consecutiveFailures: 1, itemStatus: null, stateChanged: false });
  });

  it("never changes an item marked Not applicable", () => {
    expect(verdictOf({ ...pending, ...rules }, true, at, "NOT_APPLICABLE").itemStatus).toBeNull();
    expect(verdictOf({ ...pending, failuresBeforeFailing: 1, failingStatus: "MISSING" }, false, at, "NOT_APPLICABLE").itemStatus).toBeNull();
  });
});

describe("resultExpiresAt", () => {
  it("lasts until the next result is due plus one interval of grace, at least 30 minutes", () => {
    expect(resultExpiresAt(at, 60).toISOString()).toBe("2026-11-29T11:12:00.000Z");
    expect(resultExpiresAt(at, 5).toISOString()).toBe("2026-11-29T09:47:00.000Z");
  });
});
