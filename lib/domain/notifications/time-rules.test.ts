import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayIn, daysUntil, startOfDayIn } from "@/lib/domain/readiness/dates";
import {
  DUE_SOON_DAYS,
  EXPIRING_DAYS,
  LOOKBACK_DAYS,
  dueFinding,
  evidenceFinding,
  foldFindings,
  joinPhrases,
  waiverFinding,
  type DueItemFacts,
  type EvidenceFacts,
  type Finding,
} from "./time-rules";

const AUCKLAND = "Pacific/Auckland";
const LA = "America/Los_Angeles";
const item = { id: "i1", key: "security.tls", title: "TLS", projectId: "p1", projectName: "Checkout" };
const due = (dueDate: string, extra: Partial<DueItemFacts> = {}): DueItemFacts => ({ ...item, status: "MISSING", ownerId: "owner", dueDate, waived: false, ...extra });

describe("due soon and overdue", () => {
  // 2026-03-10 10:00 UTC is the 10th in Los Angeles and already the 11th in Auckland.
  const now = new Date("2026-03-10T20:00:00Z");

  it("judges the days in the team's zone", () => {
    expect(dueFinding(due("2026-03-13"), now, LA)).toMatchObject({ kind: "ITEM_DUE_SOON", phrase: "is due in 3 days", dedupeKey: "due-soon:i1:2026-03-13" });
    expect(dueFinding(due("2026-03-14"), now, LA)).toBeNull();
    expect(dueFinding(due("2026-03-14"), now, AUCKLAND)).toMatchObject({ kind: "ITEM_DUE_SOON", phrase: "is due in 3 days" });
    expect(dueFinding(due("2026-03-10"), now, LA)).toMatchObject({ kind: "ITEM_DUE_SOON", phrase: "is due today" });
    expect(dueFinding(due("2026-03-10"), now, AUCKLAND)).toMatchObject({ kind: "ITEM_OVERDUE", phrase: "is overdue (due yesterday)", dedupeKey: "overdue:i1:2026-03-10" });
  });

  it("tells only the owner of an open, unwaived item", () => {
    expect(dueFinding(due("2026-03-11", { ownerId: null }), now, LA)).toBeNull();
    expect(dueFinding(due("2026-03-11", { status: "DONE" }), now, LA)).toBeNull();
    expect(dueFinding(due("2026-03-11", { status: "NOT_APPLICABLE" }), now, LA)).toBeNull();
    expect(dueFinding(due("2026-03-11", { waived: true }), now, LA)).toBeNull();
    expect(dueFinding(due("2026-03-11", { status: "PARTIAL" }), now, LA)?.recipientIds).toEqual(["owner"]);
  });

  it("holds for every day, zone and moment: due soon exactly 0–3 days ahead, overdue exactly 1–14 days behind, never both", () => {
    const zones = fc.constantFrom(AUCKLAND, LA, "UTC", "Asia/Kolkata", "America/Santiago", "Pacific/Kiritimati");
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: -40, max: 40 }), zones, (ms, offset, zone) => {
        const at = new Date(ms);
        const dueDate = addDays(dayIn(at, zone), offset);
        const finding = dueFinding(due(dueDate), at, zone);
        const days = daysUntil(dueDate, at, zone);
        expect(days).toBe(offset);
        if (offset >= 0 && offset <= DUE_SOON_DAYS) expect(finding?.kind).toBe("ITEM_DUE_SOON");
        else if (offset < 0 && offset >= -LOOKBACK_DAYS) expect(finding?.kind).toBe("ITEM_OVERDUE");
        else expect(finding).toBeNull();
        if (finding) expect(finding.dedupeKey.endsWith(`:${dueDate}`)).toBe(true);
      }),
    );
  });
});

describe("evidence expiring and expired", () => {
  const zone = AUCKLAND;
  const now = new Date("2026-03-10T20:00:00Z"); // the 11th in Auckland
  const evidence = (expiresOn: string, extra: Partial<EvidenceFacts> = {}): EvidenceFacts => ({
    id: "e1",
    label: "TLS report",
    expiresAt: startOfDayIn(expiresOn, zone),
    addedById: "adder",
    item: { ...item, status: "DONE", ownerId: "owner" },
    itemStale: false,
    ...extra,
  });

  it("is expiring up to 7 days ahead in the team's zone, to the adder and the owner", () => {
    const finding = evidenceFinding(evidence("2026-03-18"), now, zone);
    expect(finding).toMatchObject({ kind: "EVIDENCE_EXPIRING", recipientIds: ["adder", "owner"], phrase: "has evidence “TLS report” to re-verify in 7 days" });
    expect(finding?.dedupeKey).toBe(`evidence-expiring:e1:${startOfDayIn("2026-03-18", zone).toISOString()}`);
    expect(evidenceFinding(evidence("2026-03-19"), now, zone)).toBeNull();
  });

  it("is expired only when the done item is left stale, and names one person once", () => {
    expect(evidenceFinding(evidence("2026-03-09", { itemStale: true }), now, zone)).toMatchObject({ kind: "EVIDENCE_EXPIRED" });
    expect(evidenceFinding(evidence("2026-03-09", { itemStale: false }), now, zone)).toBeNull();
    expect(evidenceFinding(evidence("2026-03-09", { itemStale: true, item: { ...item, status: "PARTIAL", ownerId: "owner" } }), now, zone)).toBeNull();
    expect(evidenceFinding(evidence("2026-03-09", { itemStale: true, addedById: "owner" }), now, zone)?.recipientIds).toEqual(["owner"]);
    expect(evidenceFinding(evidence("2026-03-18", { addedById: null, item: { ...item, status: "DONE", ownerId: null } }), now, zone)).toBeNull();
    expect(evidenceFinding(evidence("2026-03-18", { item: { ...item, status: "NOT_APPLICABLE", ownerId: "owner" } }), now, zone)).toBeNull();
  });

  it("never says expiring and expired at once, and expiring exactly within 7 days", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }), fc.constantFrom(AUCKLAND, LA, "UTC"), (ms, delta, z) => {
        const at = new Date(ms);
        const expiresAt = new Date(ms + delta);
        const finding = evidenceFinding({ ...evidence("2026-01-01"), expiresAt, itemStale: true }, at, z);
        if (delta > 0) {
          const days = daysUntil(dayIn(expiresAt, z), at, z);
          expect(finding?.kind ?? null).toBe(days <= EXPIRING_DAYS ? "EVIDENCE_EXPIRING" : null);
        } else expect(finding?.kind ?? "EVIDENCE_EXPIRED").toBe("EVIDENCE_EXPIRED");
      }),
    );
  });
});

describe("waivers lapsing", () => {
  const now = new Date("2026-03-10T20:00:00Z");
  const waiver = (expiresOn: string, zone: string, extra = {}) => ({
    id: "w1",
    expiresAt: startOfDayIn(expiresOn, zone),
    requestedById: "requester",
    item: { ...item, status: "MISSING" as const, ownerId: "owner" },
    superseded: false,
    ...extra,
  });

  it("tells the requester and the owner up to 7 days ahead in the team's zone", () => {
    expect(waiverFinding(waiver("2026-03-17", LA), now, LA)).toMatchObject({ kind: "WAIVER_EXPIRING", recipientIds: ["requester", "owner"], phrase: "has a waiver that lapses in 7 days" });
    expect(waiverFinding(waiver("2026-03-18", LA), now, LA)).toBeNull();
    expect(waiverFinding(waiver("2026-03-18", AUCKLAND), now, AUCKLAND)).toMatchObject({ kind: "WAIVER_EXPIRING" });
  });

  it("says nothing of a lapsed, replaced or no longer needed waiver", () => {
    expect(waiverFinding(waiver("2026-03-10", LA), now, LA)).toBeNull();
    expect(waiverFinding(waiver("2026-03-12", LA, { superseded: true }), now, LA)).toBeNull();
    expect(waiverFinding(waiver("2026-03-12", LA, { item: { ...item, status: "DONE", ownerId: "owner" } }), now, LA)).toBeNull();
  });
});

describe("the fold", () => {
  const finding = (kind: Finding["kind"], key: string, recipientIds: string[], itemId = "i1", phrase: string = kind): Finding => ({
    kind,
    dedupeKey: key,
    item: { ...item, id: itemId, key: `k.${itemId}` },
    recipientIds,
    phrase,
    details: {},
  });

  it("makes one entry per person and item, naming every finding, the most pressing first", () => {
    const entries = foldFindings([
      finding("EVIDENCE_EXPIRING", "b", ["owner", "adder"], "i1", "has evidence “X” to re-verify in 5 days"),
      finding("ITEM_DUE_SOON", "a", ["owner"], "i1", "is due tomorrow"),
      finding("ITEM_DUE_SOON", "c", ["owner"], "i2", "is due today"),
    ]);
    expect(entries.map((e) => [e.userId, e.item.id, e.kind, e.findings.length])).toEqual([
      ["adder", "i1", "EVIDENCE_EXPIRING", 1],
      ["owner", "i1", "ITEM_DUE_SOON", 2],
      ["owner", "i2", "ITEM_DUE_SOON", 1],
    ]);
    expect(entries[1].title).toBe("Checkout: k.i1 is due tomorrow and has evidence “X” to re-verify in 5 days");
  });

  it("reaches every recipient of every finding through exactly one entry", () => {
    const kinds = fc.constantFrom("ITEM_DUE_SOON", "ITEM_OVERDUE", "EVIDENCE_EXPIRING", "EVIDENCE_EXPIRED", "WAIVER_EXPIRING" as const);
    const arbitrary = fc.array(
      fc.record({ kind: kinds, item: fc.constantFrom("i1", "i2", "i3"), people: fc.uniqueArray(fc.constantFrom("u1", "u2", "u3"), { minLength: 1 }) }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const findings = rows.map((row, n) => finding(row.kind as Finding["kind"], `key-${n}`, row.people, row.item));
        const entries = foldFindings(findings);
        const pairs = new Set(entries.map((e) => `${e.userId}/${e.item.id}`));
        expect(pairs.size).toBe(entries.length);
        for (const f of findings) {
          for (const userId of f.recipientIds) {
            expect(entries.filter((e) => e.userId === userId && e.findings.includes(f))).toHaveLength(1);
          }
        }
        for (const e of entries) {
          expect(e.findings.every((f) => f.item.id === e.item.id && f.recipientIds.includes(e.userId))).toBe(true);
          expect(e.kind).toBe(e.findings[0].kind);
        }
      }),
    );
  });

  it("joins phrases as a sentence", () => {
    expect(joinPhrases(["a"])).toBe("a");
    expect(joinPhrases(["a", "b", "c"])).toBe("a, b and c");
  });
});
