import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceRemoval, evidenceRemovalEffect } from "./evidence-removal";
import { readinessOf } from "./score";
import { CREDIT_HALVES, standingOf, type ScorableItem } from "./standing";
import { DEFAULT_WEIGHTS, ITEM_STATUSES, PRIORITIES } from "./vocabulary";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-05-01T00:00:00Z");
const future = new Date("2026-07-01T00:00:00Z");
const base: ScorableItem = { status: "DONE", priority: "CRITICAL", effortHours: 4, evidenceExpiries: [null], waiverExpiresAt: null, evidenceRequired: true, pendingCheck: false };

describe("removing evidence", () => {
  it("leaves a done critical item that loses its only evidence needing evidence", () => {
    expect(evidenceRemoval(base, 0, now)).toEqual({ standingBefore: "DONE", standingAfter: "NEEDS_EVIDENCE", statusAfter: "DONE" });
  });

  it("keeps an item done while other current evidence vouches for it", () => {
    expect(evidenceRemoval({ ...base, evidenceExpiries: [null, future] }, 0, now)).toMatchObject({ standingAfter: "DONE", statusAfter: "DONE" });
  });

  it("does not turn a stale item done by deleting its expired evidence: it becomes partial", () => {
    const stale = { ...base, evidenceRequired: false, evidenceExpiries: [past] };
    expect(evidenceRemoval(stale, 0, now)).toEqual({ standingBefore: "STALE", standingAfter: "PARTIAL", statusAfter: "PARTIAL" });
  });

  it("says what it will do to the item", () => {
    expect(evidenceRemovalEffect(evidenceRemoval(base, 0, now), "DONE")).toContain("Needs evidence and count as partial");
    expect(evidenceRemovalEffect(evidenceRemoval({ ...base, evidenceRequired: false, evidenceExpiries: [past] }, 0, now), "DONE")).toContain("set to Partial");
    expect(evidenceRemovalEffect(evidenceRemoval({ ...base, evidenceRequired: false, evidenceExpiries: [future] }, 0, now), "DONE")).toContain("re-verify date");
    expect(evidenceRemovalEffect(evidenceRemoval({ ...base, evidenceExpiries: [null, null] }, 0, now), "DONE")).toBe("The item stays Done.");
    expect(evidenceRemovalEffect(evidenceRemoval({ ...base, evidenceRequired: false, evidenceExpiries: [future, past] }, 0, now), "DONE")).toContain("Stale");
  });

  it("does not leave a done item verified for good when its last evidence had a re-verify date", () => {
    const dated = { ...base, evidenceRequired: false, evidenceExpiries: [future] };
    expect(evidenceRemoval(dated, 0, now)).toEqual({ standingBefore: "DONE", standingAfter: "PARTIAL", statusAfter: "PARTIAL" });
    // Waived and stale: the waiver still stands, but the item will not be done once it ends.
    expect(evidenceRemoval({ ...base, evidenceExpiries: [past], waiverExpiresAt: future }, 0, now)).toEqual({ standingBefore: "WAIVED", standingAfter: "WAIVED", statusAfter: "PARTIAL" });
    // A stale critical item loses its expired evidence: partial, not "done, needs evidence" (which a lower priority would turn into done).
    expect(evidenceRemoval({ ...base, evidenceExpiries: [past] }, 0, now)).toMatchObject({ statusAfter: "PARTIAL" });
  });

  it("changes nothing else for items that are not done", () => {
    expect(evidenceRemoval({ ...base, status: "PARTIAL" }, 0, now)).toEqual({ standingBefore: "PARTIAL", standingAfter: "PARTIAL", statusAfter: "PARTIAL" });
  });

  const arbitraryItem: fc.Arbitrary<ScorableItem> = fc.record({
    status: fc.constantFrom(...ITEM_STATUSES),
    priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: null, freq: 5 }),
    effortHours: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
    evidenceExpiries: fc.array(fc.option(fc.constantFrom(past, future), { nil: null }), { minLength: 1, maxLength: 3 }),
    waiverExpiresAt: fc.option(fc.constantFrom(past, future), { nil: null }),
    evidenceRequired: fc.boolean(),
    pendingCheck: fc.boolean(),
  });

  it("never raises a project's percent, level or anything it counts as done", () => {
    fc.assert(
      fc.property(fc.array(arbitraryItem, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (items, which, piece) => {
        const index = which % items.length;
        const target = items[index];
        const removed = piece % target.evidenceExpiries.length;
        const { statusAfter } = evidenceRemoval(target, removed, now);
        const after = items.map((item, i) =>
          i === index ? { ...item, status: statusAfter, evidenceExpiries: item.evidenceExpiries.filter((_, j) => j !== removed) } : item,
        );
        const [b, a] = [readinessOf(items, DEFAULT_WEIGHTS, now), readinessOf(after, DEFAULT_WEIGHTS, now)];
        return a.percent <= b.percent && a.level <= b.level && a.counts.DONE + a.counts.WAIVED <= b.counts.DONE + b.counts.WAIVED;
      }),
    );
  });

  // What may happen to the item afterwards: its waiver ends, a lead lowers
  // its priority or loosens the policy, time passes beyond every re-verify date.
  const later = new Date("2026-08-01T00:00:00Z");
  const afterwards: ((item: ScorableItem) => ScorableItem)[] = [
    (item) => item,
    (item) => ({ ...item, waiverExpiresAt: null }),
    (item) => ({ ...item, evidenceRequired: false }),
    (item) => ({ ...item, waiverExpiresAt: null, evidenceRequired: false }),
    // Its check is removed before its first verdict.
    (item) => ({ ...item, pendingCheck: false, waiverExpiresAt: null, evidenceRequired: false }),
  ];

  it("never lets the item count for more afterwards than it would have without the removal", () => {
    fc.assert(
      fc.property(arbitraryItem, fc.nat(), fc.constantFrom(...afterwards.keys()), fc.constantFrom(now, later), (item, piece, which, at) => {
        const removed = piece % item.evidenceExpiries.length;
        const { statusAfter } = evidenceRemoval(item, removed, now);
        const after = { ...item, status: statusAfter, evidenceExpiries: item.evidenceExpiries.filter((_, j) => j !== removed) };
        const change = afterwards[which];
        return CREDIT_HALVES[standingOf(change(after), at)] <= CREDIT_HALVES[standingOf(change(item), at)];
      }),
    );
  });
});
