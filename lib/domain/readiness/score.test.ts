import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readinessOf } from "./score";
import { isOpen, standingOf, type ScorableItem } from "./standing";
import { DEFAULT_WEIGHTS, ITEM_STATUSES, PRIORITIES, type ItemPriority, type ItemStatus } from "./vocabulary";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-05-01T00:00:00Z");
const future = new Date("2026-07-01T00:00:00Z");

const item = (status: ItemStatus, priority: ItemPriority = "MEDIUM", extra: Partial<ScorableItem> = {}): ScorableItem => ({
  status,
  priority,
  effortHours: null,
  evidenceExpiries: [],
  waiverExpiresAt: null,
  evidenceRequired: false,
  pendingCheck: false,
  ...extra,
});
const score = (items: ScorableItem[], weights = DEFAULT_WEIGHTS) => readinessOf(items, weights, now);

describe("readiness percent", () => {
  it.each([
    ["one done item", [item("DONE")], 100],
    ["one partial item", [item("PARTIAL")], 50],
    ["one missing item", [item("MISSING")], 0],
    ["done critical + missing low: 4 / 5", [item("DONE", "CRITICAL"), item("MISSING", "LOW")], 80],
    ["missing critical + done low: 1 / 5", [item("MISSING", "CRITICAL"), item("DONE", "LOW")], 20],
    ["partial high + done medium: (1.5 + 2) / 5", [item("PARTIAL", "HIGH"), item("DONE", "MEDIUM")], 70],
    ["two of three medium done: 66.67 rounds down", [item("DONE"), item("DONE"), item("MISSING")], 66],
    ["N/A items are excluded", [item("DONE"), item("NOT_APPLICABLE"), item("NOT_APPLICABLE", "CRITICAL")], 100],
    ["only N/A items: nothing to assess", [item("NOT_APPLICABLE")], 0],
    ["no items at all", [], 0],
    ["valid waiver counts as done", [item("MISSING", "CRITICAL", { waiverExpiresAt: future })], 100],
    ["expired waiver counts for nothing", [item("MISSING", "CRITICAL", { waiverExpiresAt: past })], 0],
    ["done with all evidence expired counts as partial", [item("DONE", "HIGH", { evidenceExpiries: [past, past] })], 50],
    ["done with one current piece of evidence stays done", [item("DONE", "HIGH", { evidenceExpiries: [past, future] })], 100],
    ["done with evidence that never expires stays done", [item("DONE", "HIGH", { evidenceExpiries: [null, past] })], 100],
    ["done without the evidence the policy asks for counts as partial", [item("DONE", "CRITICAL", { evidenceRequired: true })], 50],
    ["done with the evidence the policy asks for stays done", [item("DONE", "CRITICAL", { evidenceRequired: true, evidenceExpiries: [future] })], 100],
    ["done needing evidence, validly waived, counts as done", [item("DONE", "CRITICAL", { evidenceRequired: true, waiverExpiresAt: future })], 100],
    ["an item that needs triage weighs like a medium one: (4 + 0) / (4 + 2)", [item("DONE", "CRITICAL"), item("MISSING", null)], 66],
  ])("%s", (_, items, expected) => {
    expect(score(items).percent).toBe(expected);
  });

  it("never shows 100 while anything is short of done", () => {
    const items = [...Array.from({ length: 999 }, () => item("DONE", "CRITICAL")), item("PARTIAL", "LOW")];
    expect(score(items).percent).toBe(99);
  });

  it("uses the project's weights", () => {
    const items = [item("DONE", "CRITICAL"), item("MISSING", "LOW")];
    expect(score(items, { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1 }).percent).toBe(50);
    expect(score(items, { CRITICAL: 9, HIGH: 3, MEDIUM: 2, LOW: 1 }).percent).toBe(90);
  });
});

describe("blockers, levels and remaining effort", () => {
  it("counts applicable critical items not done as launch blockers", () => {
    const result = score([
      item("MISSING", "CRITICAL"),
      item("PARTIAL", "CRITICAL"),
      item("DONE", "CRITICAL", { evidenceExpiries: [past] }),
      item("DONE", "CRITICAL"),
      item("NOT_APPLICABLE", "CRITICAL"),
      item("MISSING", "CRITICAL", { waiverExpiresAt: future }),
      item("MISSING", "HIGH"),
    ]);
    expect(result.launchBlockers).toBe(3);
    expect(result.level).toBe(0);
    expect(result.nextLevel).toMatchObject({ level: 1, name: "Blockers cleared", outstanding: 3 });
  });

  it.each([
    ["critical missing", [item("MISSING", "CRITICAL"), item("DONE", "HIGH")], 0, 1],
    ["critical done, high partial", [item("DONE", "CRITICAL"), item("PARTIAL", "HIGH"), item("DONE", "LOW")], 1, 2],
    ["critical and high done, medium missing", [item("DONE", "CRITICAL"), item("DONE", "HIGH"), item("MISSING", "MEDIUM")], 2, 3],
    ["everything done or N/A", [item("DONE", "CRITICAL"), item("DONE", "LOW"), item("NOT_APPLICABLE", "HIGH")], 3, null],
    ["no critical items at all, high missing", [item("MISSING", "HIGH")], 1, 2],
    ["waived critical clears the gate", [item("MISSING", "CRITICAL", { waiverExpiresAt: future }), item("MISSING", "HIGH")], 1, 2],
    ["nothing applicable", [item("NOT_APPLICABLE", "CRITICAL")], 0, 1],
    ["done critical needing evidence is no gate cleared", [item("DONE", "CRITICAL", { evidenceRequired: true }), item("DONE", "HIGH")], 0, 1],
    ["done critical with all evidence expired is no gate cleared", [item("DONE", "CRITICAL", { evidenceExpiries: [past] })], 0, 1],
    ["everything done but one item needs triage: level 1 at most", [item("DONE", "CRITICAL"), item("DONE", "HIGH"), item("DONE", null)], 1, 2],
    ["triaged items at level 1 with an untriaged one", [item("DONE", "CRITICAL"), item("MISSING", "HIGH"), item("DONE", null)], 1, 2],
    ["triaged items at level 0 stay there", [item("MISSING", "CRITICAL"), item("DONE", null)], 0, 1],
    ["nothing triaged at all: no level", [item("DONE", null), item("DONE", null)], 0, 1],
    ["an untriaged N/A item holds nothing back", [item("DONE", "CRITICAL"), item("NOT_APPLICABLE", null)], 3, null],
  ])("%s", (_, items, level, next) => {
    const result = score(items);
    expect(result.level).toBe(level);
    expect(result.nextLevel?.level ?? null).toBe(next);
  });

  it("counts what stands between the project and the next level", () => {
    const result = score([item("DONE", "CRITICAL"), item("MISSING", "HIGH"), item("PARTIAL", "HIGH"), item("MISSING", "LOW")]);
    expect(result.nextLevel).toMatchObject({ level: 2, name: "Launch ready", outstanding: 2, needsTriage: 0 });
  });

  it("names the items to triage before the next level, and counts them", () => {
    // An imported gap analysis: critical and high work done, two rows nobody weighed.
    const result = score([item("DONE", "CRITICAL"), item("DONE", "HIGH"), item("MISSING", null, { effortHours: 8 }), item("PARTIAL", null)]);
    expect(result.needsTriage).toBe(2);
    expect(result.level).toBe(1);
    expect(result.nextLevel).toMatchObject({ level: 2, outstanding: 0, needsTriage: 2 });
    expect(result.unestimatedItems).toBe(1);
    expect(result.remainingEffortHours).toBe(8);
  });

  it("adds effort of missing items in full and partial or stale items at half", () => {
    const result = score([
      item("MISSING", "HIGH", { effortHours: 8 }),
      item("PARTIAL", "HIGH", { effortHours: 5 }),
      item("DONE", "HIGH", { effortHours: 4, evidenceExpiries: [past] }),
      item("DONE", "HIGH", { effortHours: 100 }),
      item("NOT_APPLICABLE", "HIGH", { effortHours: 100 }),
      item("MISSING", "HIGH", { effortHours: 100, waiverExpiresAt: future }),
      item("MISSING", "HIGH", { effortHours: null }),
      item("DONE", "CRITICAL", { effortHours: 6, evidenceRequired: true }),
    ]);
    expect(result.remainingEffortHours).toBe(8 + 2.5 + 2 + 3);
  });

  it("counts open items without an estimate, and only those", () => {
    const result = score([
      item("MISSING", "HIGH"),
      item("PARTIAL", "LOW"),
      item("DONE", "HIGH", { evidenceRequired: true }),
      item("MISSING", "HIGH", { effortHours: 0 }),
      item("DONE", "HIGH"),
      item("NOT_APPLICABLE", "HIGH"),
      item("MISSING", "HIGH", { waiverExpiresAt: future }),
    ]);
    expect(result.unestimatedItems).toBe(3);
    expect(result.remainingEffortHours).toBe(0);
  });

  it("reports plain counts by standing and priority", () => {
    const result = score([item("DONE", "HIGH"), item("MISSING", "HIGH"), item("NOT_APPLICABLE", "LOW"), item("DONE", "LOW", { evidenceExpiries: [past] })]);
    expect(result.counts).toMatchObject({ DONE: 1, MISSING: 1, NOT_APPLICABLE: 1, STALE: 1, PARTIAL: 0, WAIVED: 0, NEEDS_EVIDENCE: 0 });
    expect(result.byPriority.HIGH).toMatchObject({ DONE: 1, MISSING: 1 });
    expect(result.total).toBe(4);
    expect(result.applicable).toBe(3);
  });
});

describe("items not evaluated yet", () => {
  it("count as missing: no credit, full effort left, open", () => {
    const result = score([item("DONE", "HIGH", { pendingCheck: true, effortHours: 6 }), item("DONE", "HIGH")]);
    expect(result.counts).toMatchObject({ NOT_EVALUATED: 1, DONE: 1 });
    expect(result.percent).toBe(50);
    expect(result.remainingEffortHours).toBe(6);
    expect(result.openItems).toBe(1);
    expect(result.level).toBe(1);
    expect(result.nextLevel).toMatchObject({ level: 2, outstanding: 1 });
  });

  it("block the launch when critical, as a missing critical item does", () => {
    const result = score([item("DONE", "CRITICAL", { pendingCheck: true }), item("DONE", "HIGH")]);
    expect(result.launchBlockers).toBe(1);
    expect(result.level).toBe(0);
    expect(score([item("DONE", "LOW", { pendingCheck: true }), item("DONE", "CRITICAL")]).launchBlockers).toBe(0);
  });

  it("count as done when validly waived", () => {
    const result = score([item("MISSING", "CRITICAL", { pendingCheck: true, waiverExpiresAt: future })]);
    expect(result).toMatchObject({ percent: 100, launchBlockers: 0, counts: expect.objectContaining({ WAIVED: 1 }) });
  });
});

describe("readiness properties", () => {
  const arbitraryItem: fc.Arbitrary<ScorableItem> = fc.record({
    status: fc.constantFrom(...ITEM_STATUSES),
    priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: null, freq: 5 }),
    effortHours: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
    evidenceExpiries: fc.array(fc.option(fc.constantFrom(past, future), { nil: null }), { maxLength: 3 }),
    waiverExpiresAt: fc.option(fc.constantFrom(past, future), { nil: null }),
    evidenceRequired: fc.boolean(),
    pendingCheck: fc.boolean(),
  });
  const arbitraryWeights = fc.record({
    CRITICAL: fc.integer({ min: 1, max: 10 }),
    HIGH: fc.integer({ min: 1, max: 10 }),
    MEDIUM: fc.integer({ min: 1, max: 10 }),
    LOW: fc.integer({ min: 1, max: 10 }),
  });
  const items = fc.array(arbitraryItem, { maxLength: 60 });

  it("stays within 0..100", () => {
    fc.assert(fc.property(items, arbitraryWeights, (list, weights) => {
      const { percent } = score(list, weights);
      return Number.isInteger(percent) && percent >= 0 && percent <= 100;
    }));
  });

  it("never drops when a done item is added to a non-empty project", () => {
    fc.assert(fc.property(items, arbitraryWeights, fc.constantFrom(...PRIORITIES), (list, weights, priority) => {
      fc.pre(score(list, weights).applicable > 0);
      return score([...list, item("DONE", priority)], weights).percent >= score(list, weights).percent;
    }));
  });

  it("is unchanged by adding N/A items", () => {
    fc.assert(fc.property(items, arbitraryWeights, arbitraryItem, (list, weights, extra) => {
      const before = score(list, weights);
      const after = score([...list, { ...extra, status: "NOT_APPLICABLE" }], weights);
      return after.percent === before.percent && after.level === before.level && after.launchBlockers === before.launchBlockers;
    }));
  });

  it("is 100 exactly when every applicable item is done or validly waived", () => {
    fc.assert(fc.property(items, arbitraryWeights, (list, weights) => {
      const result = score(list, weights);
      const allSatisfied = result.applicable > 0 && result.counts.DONE + result.counts.WAIVED === result.applicable;
      return (result.percent === 100) === allSatisfied && (result.level === 3) === (allSatisfied && result.needsTriage === 0);
    }));
  });

  it("counts blockers only among applicable critical items", () => {
    fc.assert(fc.property(items, (list) => {
      const criticalApplicable = list.filter((i) => i.priority === "CRITICAL" && i.status !== "NOT_APPLICABLE").length;
      const result = score(list);
      return result.launchBlockers <= criticalApplicable && (result.launchBlockers === 0 || result.level === 0);
    }));
  });

  it("never rises when the policy starts asking an item for evidence", () => {
    fc.assert(fc.property(items, fc.nat(), arbitraryWeights, (list, which, weights) => {
      fc.pre(list.length > 0);
      const after = list.map((entry, i) => (i === which % list.length ? { ...entry, evidenceRequired: true } : entry));
      const [b, a] = [score(list, weights), score(after, weights)];
      return a.percent <= b.percent && a.level <= b.level;
    }));
  });

  it("never rises when an item gets a check that has not given its verdict yet", () => {
    fc.assert(fc.property(items, fc.nat(), arbitraryWeights, (list, which, weights) => {
      fc.pre(list.length > 0);
      const after = list.map((entry, i) => (i === which % list.length ? { ...entry, pendingCheck: true } : entry));
      const [b, a] = [score(list, weights), score(after, weights)];
      return (
        a.percent <= b.percent &&
        a.level <= b.level &&
        a.launchBlockers >= b.launchBlockers &&
        a.openItems >= b.openItems &&
        a.remainingEffortHours >= b.remainingEffortHours &&
        a.counts.DONE + a.counts.WAIVED <= b.counts.DONE + b.counts.WAIVED
      );
    }));
  });

  it("never lets a level rise through an item nobody prioritised", () => {
    fc.assert(fc.property(items, arbitraryItem, arbitraryWeights, (list, extra, weights) => {
      const before = score(list, weights);
      const added = score([...list, { ...extra, priority: null }], weights);
      return added.level <= Math.max(before.level, 0) && (added.needsTriage === 0 || added.level <= 1);
    }));
  });

  it("claims no level above what the triaged items alone reach", () => {
    fc.assert(fc.property(items, arbitraryWeights, (list, weights) => {
      const triagedOnly = score(list.filter((entry) => entry.priority !== null), weights);
      const all = score(list, weights);
      return all.level <= triagedOnly.level;
    }));
  });

  it("counts exactly the open items without an estimate, and the open items", () => {
    fc.assert(fc.property(items, (list) => {
      const result = score(list);
      const open = list.filter((entry) => isOpen(standingOf(entry, now)));
      return result.openItems === open.length && result.unestimatedItems === open.filter((entry) => entry.effortHours === null).length;
    }));
  });
});
