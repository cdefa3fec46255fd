import { describe, expect, it } from "vitest";
import { STANDINGS, type Standing } from "@/lib/domain/readiness/vocabulary";
import { needsOwner, openItemsByProject, planHandOver, type OwnedItem } from "./hand-over";

const item = (id: string, standing: Standing, projectId = "p1", projectName = "Checkout API"): OwnedItem => ({ id, projectId, projectName, archived: false, standing });

describe("hand-over of a leaving person's items", () => {
  it("treats only finished work as needing no owner", () => {
    expect(STANDINGS.filter(needsOwner)).toEqual(["MISSING", "NOT_EVALUATED", "PARTIAL", "NEEDS_EVIDENCE", "STALE", "WAIVED"]);
  });

  it("gives open items to the successor and finished ones to nobody", () => {
    const items = [item("a", "MISSING"), item("b", "DONE"), item("c", "STALE"), item("d", "NOT_APPLICABLE"), item("e", "WAIVED"), item("f", "PARTIAL")];
    const plan = planHandOver(items);
    expect(plan.toSuccessor.map((i) => i.id)).toEqual(["a", "c", "e", "f"]);
    expect(plan.toNobody.map((i) => i.id)).toEqual(["b", "d"]);
  });

  it("counts open items per project in order of appearance, leaving out projects with nothing open", () => {
    const items = [item("a", "MISSING", "p2", "Search"), item("b", "PARTIAL"), item("c", "MISSING", "p2", "Search"), item("d", "DONE", "p3", "Old site")];
    expect(openItemsByProject(items)).toEqual([
      { projectId: "p2", projectName: "Search", archived: false, openItems: 2 },
      { projectId: "p1", projectName: "Checkout API", archived: false, openItems: 1 },
    ]);
    expect(openItemsByProject([])).toEqual([]);
  });
});
