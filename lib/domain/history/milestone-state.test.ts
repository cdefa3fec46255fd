import { describe, expect, it } from "vitest";
import { FIXED_REPORT } from "@/tests/fixtures/report";
import { compareStates, nothingChanged, signedPoints, stateOfReport, type ReadinessState, type StateItem } from "./milestone-state";

const item = (fields: Partial<StateItem> & Pick<StateItem, "key">): StateItem => ({
  title: fields.key,
  category: "Security",
  priority: "CRITICAL",
  standing: "MISSING",
  owner: null,
  evidence: [],
  ...fields,
});

const state = (takenAt: string, items: StateItem[], readinessPercent = 0, level: 0 | 1 | 2 | 3 = 0): ReadinessState => ({
  version: 1,
  takenAt,
  readinessPercent,
  level,
  levelName: level === 0 ? "Not launch ready" : "Blockers cleared",
  launchBlockers: items.filter((i) => i.priority === "CRITICAL" && !["DONE", "WAIVED", "NOT_APPLICABLE"].includes(i.standing)).length,
  remainingEffortHours: 10,
  items,
});

const ci = { kind: "CI_RUN" as const, label: "Run 1", url: "https://ci.example.com/1", path: null };

describe("stateOfReport", () => {
  it("keeps standings, owners and evidence of every item, and the headline", () => {
    const kept = stateOfReport(FIXED_REPORT);
    expect(kept.items).toHaveLength(6);
    expect(kept.readinessPercent).toBe(FIXED_REPORT.summary.readinessPercent);
    expect(kept.items[0]).toMatchObject({ key: "security.authentication", standing: "DONE", owner: "Erin Engineer" });
    expect(kept.items[0].evidence[0]).toEqual({ kind: "PULL_REQUEST", label: "PR #12", url: "https://git.example.com/acme/checkout/pull/12", path: null, expiresAt: null });
    expect(compareStates(kept, "a", kept, "b")).toSatisfy(nothingChanged);
  });
});

describe("compareStates", () => {
  const beta = state("2026-11-01T10:00:00Z", [
    item({ key: "security.secrets" }),
    item({ key: "security.tls", standing: "DONE", evidence: [{ ...ci, expiresAt: "2026-11-15T00:00:00Z" }] }),
    item({ key: "testing.unit", priority: "HIGH", standing: "PARTIAL" }),
    item({ key: "docs.runbook", priority: "MEDIUM", category: "Docs" }),
    item({ key: "security.pentest", standing: "MISSING" }),
  ], 30);
  const now = state("2026-11-22T10:00:00Z", [
    item({ key: "security.secrets", standing: "DONE", evidence: [{ kind: "PULL_REQUEST", label: "PR 7", url: "https://git.example.com/7", path: null, expiresAt: null }] }),
    item({ key: "security.tls", standing: "STALE", evidence: [{ ...ci, expiresAt: "2026-11-15T00:00:00Z" }] }),
    item({ key: "testing.unit", priority: "HIGH", standing: "DONE" }),
    item({ key: "security.audit-log", title: "Audit log", owner: "Lee Lead" }),
    item({ key: "security.pentest", standing: "WAIVED" }),
  ], 62, 0);

  const diff = compareStates(beta, "Beta review", now, "Now");

  it("states the headline change", () => {
    expect(diff.from).toMatchObject({ name: "Beta review", readinessPercent: 30 });
    expect(diff.to).toMatchObject({ name: "Now", readinessPercent: 62 });
    expect(diff.percentChange).toBe(32);
    expect(diff.levelChange).toBe(0);
  });

  it("lists status changes by key, including derived standings", () => {
    expect(diff.statusChanges.map((c) => `${c.key}: ${c.from} → ${c.to}`)).toEqual([
      "security.secrets: MISSING → DONE",
      "security.tls: DONE → STALE",
      "testing.unit: PARTIAL → DONE",
      "security.pentest: MISSING → WAIVED",
    ]);
  });

  it("finds new and cleared blockers", () => {
    // TLS went stale and the audit log is new; secrets got done, the pen test waived.
    expect(diff.newBlockers.map((b) => b.key)).toEqual(["security.tls", "security.audit-log"]);
    expect(diff.newBlockers[1].owner).toBe("Lee Lead");
    expect(diff.clearedBlockers.map((b) => b.key)).toEqual(["security.secrets", "security.pentest"]);
  });

  it("finds evidence added and evidence that expired in between", () => {
    expect(diff.evidenceAdded.map((e) => `${e.key} ${e.evidence.url}`)).toEqual(["security.secrets https://git.example.com/7"]);
    expect(diff.evidenceExpired.map((e) => e.key)).toEqual(["security.tls"]);
    expect(diff.evidenceRemoved).toEqual([]);
  });

  it("lists added and removed items", () => {
    expect(diff.itemsAdded.map((i) => i.key)).toEqual(["security.audit-log"]);
    expect(diff.itemsRemoved.map((i) => i.key)).toEqual(["docs.runbook"]);
  });

  it("sees removed evidence, and evidence that had expired already is not 'expired' again", () => {
    const later = state("2026-11-30T00:00:00Z", now.items.map((i) => (i.key === "security.secrets" ? { ...i, evidence: [] } : i)), 55);
    const again = compareStates(now, "Now", later, "Later");
    expect(again.evidenceRemoved.map((e) => e.key)).toEqual(["security.secrets"]);
    expect(again.evidenceExpired).toEqual([]);
    expect(again.percentChange).toBe(-7);
  });
});

describe("signedPoints", () => {
  it("reads naturally", () => {
    expect(signedPoints(12)).toBe("+12 points");
    expect(signedPoints(-1)).toBe("−1 point");
    expect(signedPoints(0)).toBe("no change");
    expect(signedPoints(2, "level")).toBe("+2 levels");
  });
});
