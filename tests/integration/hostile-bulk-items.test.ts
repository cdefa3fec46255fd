// Bulk edits as a careless or hostile caller uses them: every refusal is a
// field-level 4xx that changes nothing, every change is in the activity log.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { addEvidence } from "@/lib/server/services/evidence";
import { updateItem } from "@/lib/server/services/items";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemsOf } from "../support/readiness";

const standing = async (projectId: string) =>
  (await itemsOf(projectId)).map(({ id, status, notApplicableReason, priority, ownerId, dueDate, version }) => ({ id, status, notApplicableReason, priority, ownerId, dueDate, version }));

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER", "VIEWER"]);
  const [admin, lead, engineer, otherEngineer, viewer] = actors;
  const projectId = await catalogueProject(lead);
  const items = await itemsOf(projectId);
  return { teamId, admin, lead, engineer, otherEngineer, viewer, projectId, items };
}

describe("hostile bulk edits", () => {
  it("counts a duplicated id once and records each changed item once", async () => {
    const w = await world();
    const [a, b] = w.items.filter((item) => item.priority !== "CRITICAL");
    const result = await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [a.id, a.id, b.id, a.id], changes: { status: "PARTIAL" } });
    expect(result.updated).toHaveLength(2);
    expect(result.unchanged).toBe(0);
    expect((await activitiesOf(w.teamId, "item.updated")).map((r) => r.itemId).sort()).toEqual([a.id, b.id].sort());
    expect((await db.item.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(2);
  });

  it("refuses another team's ids even when mixed with this project's, changing nothing", async () => {
    const w = await world();
    const other = await world();
    const before = [await standing(w.projectId), await standing(other.projectId)];
    const error = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [w.items[0].id, other.items[0].id], changes: { priority: "LOW" } }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toEqual(["itemIds"]);
    expect([await standing(w.projectId), await standing(other.projectId)]).toEqual(before);
  });

  it("refuses 1,001 keys and ids on the API with a 400", async () => {
    const w = await world();
    const write = await tokenFor(w.admin, "write");
    const path = `/api/v1/projects/${w.projectId}/items/bulk`;
    const keys = Array.from({ length: 1001 }, (_, n) => `security.k${n}`);
    const answer = await callApi("POST", path, { token: write.secret, body: { keys, changes: { status: "PARTIAL" } } });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual(["keys"]);
  });

  it("refuses bad calendar days and whitespace reasons as field errors", async () => {
    const w = await world();
    const ids = w.items.slice(0, 2).map((item) => item.id);
    const before = await standing(w.projectId);
    for (const dueDate of ["2026-02-30", "0000-01-01", "2026-13-01", "10000-01-01", "2026-1-1", 20260101, true]) {
      const error = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { dueDate } }));
      expect(error.code, String(dueDate)).toBe("VALIDATION");
      expect(Object.keys(error.fields ?? {})).toEqual(["changes.dueDate"]);
    }
    for (const notApplicableReason of ["   ", "\n\t\n", "\u0000why"]) {
      const error = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { status: "NOT_APPLICABLE", notApplicableReason } }));
      expect(Object.keys(error.fields ?? {})).toEqual(["changes.notApplicableReason"]);
    }
    expect(await standing(w.projectId)).toEqual(before);
  });

  it("does not store an N/A reason on items that are not N/A", async () => {
    const w = await world();
    const [item, notApplicable] = w.items;
    await updateItem(w.lead, { itemId: notApplicable.id, version: 1, changes: { status: "NOT_APPLICABLE", notApplicableReason: "internal only" } });
    const before = await standing(w.projectId);
    const single = await failure(updateItem(w.lead, { itemId: item.id, version: 1, changes: { notApplicableReason: "stray reason" } }));
    expect(single.code).toBe("VALIDATION");
    expect(Object.keys(single.fields ?? {})).toEqual(["notApplicableReason"]);
    expect(await standing(w.projectId)).toEqual(before);
    // In bulk the item that is not N/A is refused, the N/A one gets the new reason.
    const result = await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [item.id, notApplicable.id], changes: { notApplicableReason: "batch jobs only" } });
    expect(result.refused.map((r) => r.itemId)).toEqual([item.id]);
    expect(result.updated.map((i) => [i.id, i.notApplicableReason])).toEqual([[notApplicable.id, "batch jobs only"]]);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).notApplicableReason).toBeNull();
    // Leaving N/A still clears the reason; a blank reason with another status is no reason.
    const cleared = await updateItem(w.lead, { itemId: notApplicable.id, version: 3, changes: { status: "PARTIAL", notApplicableReason: "" } });
    expect(cleared).toMatchObject({ status: "PARTIAL", notApplicableReason: null });
  });

  it("refuses an owner who was removed from the team, and a viewer owner is only a member", async () => {
    const w = await world();
    const ids = w.items.slice(0, 2).map((item) => item.id);
    await db.membership.delete({ where: { teamId_userId: { teamId: w.teamId, userId: w.otherEngineer.userId } } });
    const before = await standing(w.projectId);
    const error = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { ownerId: w.otherEngineer.userId } }));
    expect(Object.keys(error.fields ?? {})).toEqual(["changes.ownerId"]);
    const byEmail = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { ownerEmail: w.otherEngineer.email } }));
    expect(Object.keys(byEmail.fields ?? {})).toEqual(["changes.ownerEmail"]);
    expect(await standing(w.projectId)).toEqual(before);
  });

  it("lets an engineer plan only own items, judged before the same request assigns them", async () => {
    const w = await world();
    const [mine, theirs, nobodys] = w.items;
    await updateItem(w.lead, { itemId: mine.id, version: 1, changes: { ownerId: w.engineer.userId } });
    await updateItem(w.lead, { itemId: theirs.id, version: 1, changes: { ownerId: w.otherEngineer.userId } });
    const result = await bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: [mine.id, theirs.id, nobodys.id], changes: { dueDate: "2027-01-15", ownerId: w.engineer.userId } });
    expect(result.updated.map((item) => item.id)).toEqual([mine.id]);
    expect(result.refused.map((r) => r.itemId).sort()).toEqual([theirs.id, nobodys.id].sort());
    expect((await db.item.findUniqueOrThrow({ where: { id: theirs.id } })).ownerId).toBe(w.otherEngineer.userId);
    expect((await db.item.findUniqueOrThrow({ where: { id: nobodys.id } })).ownerId).toBeNull();
  });

  it("an engineer's due date to the value it already has is not a refusal", async () => {
    const w = await world();
    const [item] = w.items;
    await updateItem(w.lead, { itemId: item.id, version: 1, changes: { dueDate: "2027-01-15" } });
    const result = await bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: [item.id], changes: { dueDate: "2027-01-15" } });
    expect(result).toMatchObject({ updated: [], refused: [], unchanged: 1 });
  });

  it("refuses a read token, a viewer and an engineer's priority with 403/FORBIDDEN and changes nothing", async () => {
    const w = await world();
    const read = await tokenFor(w.admin, "read");
    const before = await standing(w.projectId);
    const keys = w.items.slice(0, 2).map((item) => item.key);
    expect((await callApi("POST", `/api/v1/projects/${w.projectId}/items/bulk`, { token: read.secret, body: { keys, changes: { priority: "LOW" } } })).status).toBe(403);
    expect(await code(bulkUpdateItems(w.viewer, { projectId: w.projectId, keys, changes: { ownerId: null } }))).toBe("FORBIDDEN");
    expect(await code(bulkUpdateItems(w.engineer, { projectId: w.projectId, keys, changes: { priority: "LOW", status: "PARTIAL" } }))).toBe("FORBIDDEN");
    expect(await standing(w.projectId)).toEqual(before);
  });

  it("merges a concurrent bulk edit and single edit on the same item without losing either", async () => {
    const w = await world();
    const item = w.items.find((i) => i.priority !== "CRITICAL")!;
    const results = await Promise.allSettled([
      bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [item.id], changes: { priority: "LOW" } }),
      updateItem(w.engineer, { itemId: item.id, version: 1, changes: { status: "PARTIAL" } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ priority: "LOW", status: "PARTIAL", version: 3 });
    expect(await activitiesOf(w.teamId, "item.updated")).toHaveLength(2);
  });

  it("answers JSON garbage with 4xx, never 500", async () => {
    const w = await world();
    const write = await tokenFor(w.admin, "write");
    const path = `/api/v1/projects/${w.projectId}/items/bulk`;
    const before = await standing(w.projectId);
    const raw = ["", "null", "[]", "\"keys\"", "{", "{\"keys\":\"security.cors\",\"changes\":{\"status\":\"DONE\"}}", "{\"keys\":[null],\"changes\":{\"status\":\"DONE\"}}",
      "{\"keys\":[\"a\"],\"changes\":null}", "{\"keys\":[\"a\"],\"changes\":[]}", "{\"keys\":[\"a\"],\"changes\":{\"status\":{\"$ne\":1}}}", "{\"keys\":[\"a\"],\"changes\":{\"__proto__\":{\"status\":\"DONE\"}}}",
      "{\"projectId\":\"x\",\"keys\":[\"a\"],\"changes\":{\"status\":\"DONE\"}}", "{\"keys\":[\"a\"],\"changes\":{\"ownerEmail\":\"\"}}", "{\"keys\":[\"a\"],\"changes\":{\"ownerEmail\":\"nobody\"}}",
      "{\"keys\":[\"a\"],\"changes\":{\"dueDate\":\"2026-02-30\"}}", `{"keys":["a"],"changes":{"notApplicableReason":"${"x".repeat(1001)}","status":"NOT_APPLICABLE"}}`,
      "{\"keys\":[\"\\ud800\"],\"changes\":{\"status\":\"DONE\"}}", "{\"itemIds\":[\"\\u0000\"],\"changes\":{\"status\":\"DONE\"}}", "{\"keys\":[\"a\"],\"itemIds\":[\"b\"],\"changes\":{\"status\":\"DONE\"}}",
      `{"keys":[${"[".repeat(5000)}${"]".repeat(5000)}],"changes":{}}`];
    for (const rawBody of raw) {
      const answer = await callApi("POST", path, { token: write.secret, rawBody, headers: { "content-type": "application/json" } });
      expect(answer.status, rawBody.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(answer.status, rawBody.slice(0, 80)).toBeLessThan(500);
    }
    expect(await standing(w.projectId)).toEqual(before);
  });

  it("sets DONE on an item with an approved waiver or a passing check only as the evidence policy allows", async () => {
    const w = await world();
    const critical = w.items.filter((i) => i.priority === "CRITICAL");
    await addEvidence(w.engineer, { itemId: critical[0].id, kind: "NOTE", label: "proven" });
    const result = await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [critical[0].id, critical[1].id], changes: { status: "DONE" } });
    expect(result.updated.map((i) => i.id)).toEqual([critical[0].id]);
    expect(result.refused.map((r) => r.itemId)).toEqual([critical[1].id]);
    const [summary] = await activitiesOf(w.teamId, "item.bulkUpdated");
    expect(summary.after).toMatchObject({ count: 1, refused: [critical[1].key] });
  });
});
