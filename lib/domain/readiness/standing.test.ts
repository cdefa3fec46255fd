import { describe, expect, it } from "vitest";
import { isEvidenceStale, standingOf, type ScorableItem } from "./standing";
import { evidenceRequired } from "./vocabulary";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-06-01T11:59:59Z");
const future = new Date("2026-06-02T00:00:00Z");
const base: ScorableItem = { status: "MISSING", priority: "HIGH", effortHours: null, evidenceExpiries: [], waiverExpiresAt: null, evidenceRequired: false, pendingCheck: false };

describe("standing", () => {
  it.each([
    ["N/A stays N/A, even when waived", { status: "NOT_APPLICABLE", waiverExpiresAt: future }, "NOT_APPLICABLE"],
    ["done without evidence", { status: "DONE" }, "DONE"],
    ["done with current evidence", { status: "DONE", evidenceExpiries: [future] }, "DONE"],
    ["done with all evidence expired", { status: "DONE", evidenceExpiries: [past, past] }, "STALE"],
    ["done, stale, but validly waived", { status: "DONE", evidenceExpiries: [past], waiverExpiresAt: future }, "WAIVED"],
    ["missing with a valid waiver", { status: "MISSING", waiverExpiresAt: future }, "WAIVED"],
    ["partial with an expired waiver", { status: "PARTIAL", waiverExpiresAt: past }, "PARTIAL"],
    ["partial with expired evidence is just partial", { status: "PARTIAL", evidenceExpiries: [past] }, "PARTIAL"],
    ["missing", {}, "MISSING"],
    ["done without evidence the policy asks for", { status: "DONE", evidenceRequired: true }, "NEEDS_EVIDENCE"],
    ["done with current evidence the policy asks for", { status: "DONE", evidenceRequired: true, evidenceExpiries: [future] }, "DONE"],
    ["done, evidence asked for and all expired: stale", { status: "DONE", evidenceRequired: true, evidenceExpiries: [past] }, "STALE"],
    ["done, needing evidence, validly waived", { status: "DONE", evidenceRequired: true, waiverExpiresAt: future }, "WAIVED"],
    ["partial needing evidence is just partial", { status: "PARTIAL", evidenceRequired: true }, "PARTIAL"],
    ["N/A needing evidence is N/A", { status: "NOT_APPLICABLE", evidenceRequired: true }, "NOT_APPLICABLE"],
    ["done by hand, its check not evaluated yet", { status: "DONE", pendingCheck: true }, "NOT_EVALUATED"],
    ["done with current evidence, its check not evaluated yet", { status: "DONE", evidenceExpiries: [future, null], pendingCheck: true }, "NOT_EVALUATED"],
    ["partial, its check not evaluated yet", { status: "PARTIAL", pendingCheck: true }, "NOT_EVALUATED"],
    ["missing, its check not evaluated yet", { status: "MISSING", pendingCheck: true }, "NOT_EVALUATED"],
    ["stale, its check not evaluated yet", { status: "DONE", evidenceExpiries: [past], pendingCheck: true }, "NOT_EVALUATED"],
    ["a valid waiver wins over a pending check", { status: "DONE", pendingCheck: true, waiverExpiresAt: future }, "WAIVED"],
    ["an expired waiver does not", { status: "MISSING", pendingCheck: true, waiverExpiresAt: past }, "NOT_EVALUATED"],
    ["N/A stays N/A with a pending check", { status: "NOT_APPLICABLE", pendingCheck: true }, "NOT_APPLICABLE"],
  ] as const)("%s", (_, overrides, expected) => {
    expect(standingOf({ ...base, ...overrides }, now)).toBe(expected);
  });

  it("treats evidence expiring exactly now as expired", () => {
    expect(isEvidenceStale([now], now)).toBe(true);
    expect(isEvidenceStale([], now)).toBe(false);
  });
});

describe("evidence policy", () => {
  it.each([
    ["NONE", "CRITICAL", false],
    ["CRITICAL", "CRITICAL", true],
    ["CRITICAL", "HIGH", false],
    ["CRITICAL_AND_HIGH", "HIGH", true],
    ["CRITICAL_AND_HIGH", "MEDIUM", false],
    ["ALL", "LOW", true],
    ["ALL", null, true],
    ["CRITICAL", null, false],
    ["CRITICAL_AND_HIGH", null, false],
  ] as const)("%s policy, %s item → %s", (policy, priority, expected) => {
    expect(evidenceRequired(policy, priority)).toBe(expected);
  });
});
