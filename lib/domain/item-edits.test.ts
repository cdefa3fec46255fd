import { describe, expect, it } from "vitest";
import { describeConflictingChange, describeOwnEdit, itemValueInWords, rebaseEdit, type ConflictingChange, type RecordedItemChange } from "./item-edits";

const change = (version: number, before: Record<string, unknown>, after: Record<string, unknown>, by = "Dana"): RecordedItemChange => ({
  version,
  by,
  at: `2026-12-03T13:0${version}:00.000Z`,
  before: { ...before, version: version - 1 },
  after: { ...after, version },
});

describe("rebaseEdit", () => {
  const history = [change(2, { status: "MISSING" }, { status: "DONE" }), change(3, { ownerId: null }, { ownerId: "u-lee" }, "Sam")];
  const current = { status: "DONE", ownerId: "u-lee", notes: "", dueDate: null };

  it("applies fields nobody changed since the base version", () => {
    expect(rebaseEdit({ baseVersion: 1, currentVersion: 3, current, mine: { notes: "Mine", dueDate: "2027-01-01T00:00:00.000Z" }, history })).toEqual({
      apply: ["notes", "dueDate"],
      clashes: [],
      unrecorded: [],
    });
  });

  it("lets a field already holding the edit's value pass without applying it again", () => {
    expect(rebaseEdit({ baseVersion: 1, currentVersion: 3, current, mine: { status: "DONE", notes: "x" }, history })).toMatchObject({ apply: ["notes"], clashes: [] });
  });

  it("clashes on a field changed since, with every change of it, even when sent back as it was", () => {
    const { clashes } = rebaseEdit({ baseVersion: 1, currentVersion: 3, current, mine: { status: "MISSING", ownerId: "u-kim" }, history });
    expect(clashes).toEqual([
      { field: "status", changes: [history[0]] },
      { field: "ownerId", changes: [history[1]] },
    ]);
  });

  it("only looks at changes after the base version", () => {
    expect(rebaseEdit({ baseVersion: 2, currentVersion: 3, current, mine: { status: "PARTIAL" }, history })).toMatchObject({ apply: ["status"], clashes: [] });
  });

  it("treats a version without a record of its fields as a change of every field", () => {
    const outcome = rebaseEdit({ baseVersion: 1, currentVersion: 4, current, mine: { notes: "Mine", status: "DONE" }, history });
    expect(outcome).toEqual({ apply: [], clashes: [{ field: "notes", changes: null }], unrecorded: [4] });
  });

  it("compares an empty text with none as equal", () => {
    expect(rebaseEdit({ baseVersion: 1, currentVersion: 1, current: { notApplicableReason: null }, mine: { notApplicableReason: "" }, history: [] })).toMatchObject({ apply: [] });
  });
});

describe("changes in words", () => {
  const names = { people: { "u-lee": "Lee Park" }, categories: { "c-sec": "Security" } };

  it.each([
    ["status", "NOT_APPLICABLE", "N/A"],
    ["priority", "CRITICAL", "Critical"],
    ["ownerId", "u-lee", "Lee Park"],
    ["ownerId", "u-gone", "a former member"],
    ["categoryId", "c-sec", "Security"],
    ["categoryId", "c-gone", "a deleted category"],
    ["dueDate", "2027-03-01T00:00:00.000Z", "1 Mar 2027"],
    ["effortHours", 6.5, "6.5 h"],
    ["title", "Rate limits", "“Rate limits”"],
    ["notes", "anything", null],
    ["ownerId", null, null],
    ["notApplicableReason", "", null],
  ] as const)("%s %s → %s", (field, value, words) => expect(itemValueInWords(field, value, names)).toBe(words));

  it("shortens long quoted values", () => {
    expect(itemValueInWords("title", "x".repeat(200))).toHaveLength(82);
  });

  const base: ConflictingChange = { field: "ownerId", by: "Dana", at: "2026-12-03T13:02:00.000Z", from: null, to: "Lee", recorded: true };

  it("says each kind of change as a sentence", () => {
    expect(describeConflictingChange(base, "14:02 UTC")).toBe("Dana set the owner to Lee at 14:02 UTC");
    expect(describeConflictingChange({ ...base, field: "status", by: "Sam", from: "Missing", to: "Done" }, "14:02 UTC")).toBe("Sam changed the status from Missing to Done at 14:02 UTC");
    expect(describeConflictingChange({ ...base, field: "dueDate", from: "1 Mar 2027", to: null }, null)).toBe("Dana cleared the due date (it was 1 Mar 2027)");
    expect(describeConflictingChange({ ...base, field: "notes", from: null, to: null }, "9:00 CET")).toBe("Dana changed the notes at 9:00 CET");
    expect(describeConflictingChange({ ...base, by: "Someone", at: null, from: null, to: null, recorded: false }, null)).toBe(
      "Someone changed this item without a record of which fields, so the owner may have changed",
    );
  });

  it("says the edit that was not applied", () => {
    expect(describeOwnEdit({ priority: "CRITICAL" })).toBe("You set the priority to Critical");
    expect(describeOwnEdit({ ownerId: "u-lee", dueDate: "", notes: "Long text" }, names)).toBe("You set the owner to Lee Park, cleared the due date and changed the notes");
    expect(describeOwnEdit({})).toBe("");
  });
});


describe("priorities nobody has weighed", () => {
  it("say so in words", () => {
    expect(itemValueInWords("priority", null)).toBe("needs triage");
  });
});
