import { describe, expect, it } from "vitest";
import { describeActivity } from "./activity-text";

describe("activity text", () => {
  it("describes field changes with before and after in the product's words", () => {
    expect(
      describeActivity(
        { action: "item.updated", before: { status: "MISSING", ownerId: null, version: 1 }, after: { status: "DONE", ownerId: "u1", version: 2 } },
        { u1: "Ada" },
      ),
    ).toBe("set status to Done (was Missing), set owner to Ada (was none)");
    expect(describeActivity({ action: "item.updated", before: { notes: "" }, after: { notes: "long" } })).toBe("edited the notes");
  });

  it("describes evidence and waivers", () => {
    expect(describeActivity({ action: "evidence.added", before: null, after: { label: "PR #12" } })).toBe("added evidence “PR #12”");
    expect(describeActivity({ action: "waiver.approved", before: null, after: { note: "ok for beta" } })).toBe("approved the waiver: “ok for beta”");
    expect(describeActivity({ action: "project.created", before: null, after: { items: 96 } })).toBe("created the project with 96 items from the catalogue");
  });

  it("describes API token changes", () => {
    expect(describeActivity({ action: "apiToken.created", before: null, after: { name: "CI", scope: "write" } })).toBe("created the write API token “CI”");
    expect(describeActivity({ action: "apiToken.revoked", before: { name: "CI" }, after: null })).toBe("revoked the API token “CI”");
  });

  it("describes milestones", () => {
    expect(describeActivity({ action: "milestone.created", before: null, after: { name: "Beta review", readinessPercent: 48, level: 0 } })).toBe("saved the milestone “Beta review” at 48%");
    expect(describeActivity({ action: "milestone.deleted", before: { name: "Beta review" }, after: null })).toBe("deleted the milestone “Beta review”");
  });
});
