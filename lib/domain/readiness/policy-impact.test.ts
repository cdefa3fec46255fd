import { describe, expect, it } from "vitest";
import { needsEvidenceByPolicy } from "./policy-impact";

describe("evidence policy impact", () => {
  it("counts done items without evidence that each policy would ask evidence for", () => {
    const impact = needsEvidenceByPolicy([
      { status: "DONE", standing: "DONE", priority: "HIGH", evidenceCount: 0 },
      { status: "DONE", standing: "NEEDS_EVIDENCE", priority: "CRITICAL", evidenceCount: 0 },
      { status: "DONE", standing: "DONE", priority: "LOW", evidenceCount: 0 },
      { status: "DONE", standing: "DONE", priority: null, evidenceCount: 0 },
      // Proven, stale, waived or not done: never counted.
      { status: "DONE", standing: "DONE", priority: "CRITICAL", evidenceCount: 1 },
      { status: "DONE", standing: "STALE", priority: "CRITICAL", evidenceCount: 1 },
      { status: "DONE", standing: "WAIVED", priority: "CRITICAL", evidenceCount: 0 },
      { status: "PARTIAL", standing: "PARTIAL", priority: "CRITICAL", evidenceCount: 0 },
    ]);
    expect(impact).toEqual({ NONE: 0, CRITICAL: 1, CRITICAL_AND_HIGH: 2, ALL: 4 });
  });
});
