import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LevelNumber } from "@/lib/domain/readiness/score";
import { checkTransition, levelChange, levelSummary, newBlockers } from "./change-rules";

const level = fc.constantFrom<LevelNumber>(0, 1, 2, 3);

describe("level changes", () => {
  it("tells of a level that moved, and of nothing else", () => {
    fc.assert(
      fc.property(fc.option(level, { nil: null }), level, (previous, current) => {
        const kind = levelChange(previous, current);
        if (previous === null || previous === current) expect(kind).toBeNull();
        else expect(kind).toBe(current > previous ? "LEVEL_RAISED" : "LEVEL_LOWERED");
      }),
    );
  });

  it("says where it went", () => {
    expect(levelSummary("Checkout", 1, 2)).toBe("Checkout rose to Level 2 — Launch ready (from Level 1 — Blockers cleared)");
    expect(levelSummary("Checkout", 1, 0)).toBe("Checkout fell to no level (from Level 1 — Blockers cleared)");
  });
});

describe("new launch blockers", () => {
  it("are those not blocking before; none when the state before is unknown", () => {
    expect(newBlockers(["a", "b"], ["b", "c", "a", "d"])).toEqual(["c", "d"]);
    expect(newBlockers(null, ["a"])).toEqual([]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.string()), fc.uniqueArray(fc.string()), (previous, current) => {
        const added = newBlockers(previous, current);
        expect(added.every((id) => current.includes(id) && !previous.includes(id))).toBe(true);
        expect(added.length).toBe(current.filter((id) => !previous.includes(id)).length);
        expect(newBlockers(current, current)).toEqual([]);
      }),
    );
  });
});

describe("check transitions", () => {
  it("tells once when a check starts failing and once when it recovers", () => {
    expect(checkTransition("PASSING", "FAILING")).toBe("CHECK_FAILING");
    expect(checkTransition("PENDING", "FAILING")).toBe("CHECK_FAILING");
    expect(checkTransition("FAILING", "FAILING")).toBeNull();
    expect(checkTransition("FAILING", "PASSING")).toBe("CHECK_RECOVERED");
    expect(checkTransition("PENDING", "PASSING")).toBeNull();
    expect(checkTransition("PASSING", "PASSING")).toBeNull();
  });
});
