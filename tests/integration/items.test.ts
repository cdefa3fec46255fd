import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { addEvidence } from "@/lib/server/services/evidence";
import { createItem, deleteItem, reorderItem, updateItem } from "@/lib/server/services/items";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, daysFromNow, failure, itemByKey } from "../support/readiness";

describe("items", () => {
  it("lets an engineer work an item (status, notes, owner) but not reshape it", async () => {
    const { teamId, actors: [lead, engineer, viewer] } = await teamWith(["LEAD", "ENGINEER", "VIEWER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.unit");
    const view = await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "PARTIAL", notes: "Half the modules", ownerId: engineer.userId } });
    expect(view).toMatchObject({ status: "PARTIAL", standing: "PARTIAL", version: 2, ownerName: engineer.name, updatedByName: engineer.name });
    expect(await code(updateItem(engineer, { itemId: item.id, version: 2, changes: { priority: "LOW" } }))).toBe("FORBIDDEN");
    // Engineers plan the items they own (plan-own-items.test.ts), but a change with a lead's field is refused whole.
    expect(await code(updateItem(engineer, { itemId: item.id, version: 2, changes: { status: "DONE", dueDate: "2027-01-01", title: "Mine" } }))).toBe("FORBIDDEN");
    expect(await code(updateItem(viewer, { itemId: item.id, version: 2, changes: { status: "DONE" } }))).toBe("FORBIDDEN");
    expect(await code(updateItem(lead, { itemId: item.id, version: 2, changes: { priority: "CRITICAL", dueDate: "2027-01-01", effortHours: "6.5" } }))).toBe("OK");
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ priority: "CRITICAL", effortHours: 6.5, version: 3 });
    const activity = await activitiesOf(teamId, "item.updated");
    expect(activity).toHaveLength(2);
    expect(activity[0].before).toMatchObject({ status: "MISSING", notes: "", ownerId: null, version: 1 });
    expect(activity[0].after).toMatchObject({ status: "PARTIAL", notes: "Half the modules", ownerId: engineer.userId, version: 2 });
    expect(activity[0]).toMatchObject({ itemId: item.id, projectId });
  });

  it("asks for evidence before a critical item is done, and accepts it once current evidence exists", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.authentication");
    expect(item.priority).toBe("CRITICAL");
    const error = await failure(updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } }));
    expect(error).toMatchObject({ code: "VALIDATION", details: { evidenceRequired: true } });
    expect(error.fields?.status?.[0]).toMatch(/evidence/);
    // Evidence that has expired since it was attached does not count.
    const { evidenceId: expiredId } = await addEvidence(engineer, { itemId: item.id, kind: "PULL_REQUEST", target: "https://github.com/acme/api/pull/1", expiresAt: daysFromNow(30) });
    await db.evidence.update({ where: { id: expiredId }, data: { expiresAt: new Date("2000-01-01T00:00:00Z") } });
    expect(await code(updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } }))).toBe("VALIDATION");
    await addEvidence(engineer, { itemId: item.id, kind: "PULL_REQUEST", target: "https://github.com/acme/api/pull/2" });
    expect(await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "DONE" } })).toMatchObject({ standing: "DONE" });
    // A high item needs no evidence under the default policy.
    const high = await itemByKey(projectId, "security.headers");
    expect(await code(updateItem(engineer, { itemId: high.id, version: 1, changes: { status: "DONE" } }))).toBe("OK");
  });

  it("needs a reason for N/A and clears it when the item applies again", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "security.cors");
    const error = await failure(updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "NOT_APPLICABLE" } }));
    expect(error.fields?.notApplicableReason).toBeDefined();
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { status: "NOT_APPLICABLE", notApplicableReason: "No browser clients" } });
    expect(await itemByKey(projectId, "security.cors")).toMatchObject({ status: "NOT_APPLICABLE", notApplicableReason: "No browser clients" });
    await updateItem(engineer, { itemId: item.id, version: 2, changes: { status: "MISSING" } });
    expect(await itemByKey(projectId, "security.cors")).toMatchObject({ notApplicableReason: null });
  });

  it("refuses a stale update of a field changed meanwhile, names who changed it, and merges one of another field", async () => {
    const { actors: [lead, alice, bob] } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.load");
    await updateItem(alice, { itemId: item.id, version: 1, changes: { status: "PARTIAL" } });
    const error = await failure(updateItem(bob, { itemId: item.id, version: 1, changes: { status: "DONE", notes: "Bob's notes" } }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(`${alice.name} changed the status from Missing to Partial`);
    expect(error.details).toMatchObject({ changedBy: alice.name, current: { status: "PARTIAL", version: 2 } });
    expect((await itemByKey(projectId, "testing.load")).notes).toBe("");
    expect(await updateItem(bob, { itemId: item.id, version: 1, changes: { notes: "Bob's notes" } })).toMatchObject({ status: "PARTIAL", notes: "Bob's notes", version: 3 });
  });

  it("loses no update and no activity row under parallel writers", async () => {
    const { teamId, actors } = await teamWith(["LEAD", "ENGINEER", "ENGINEER", "ENGINEER", "ENGINEER", "ENGINEER"]);
    const projectId = await catalogueProject(actors[0]);
    const item = await itemByKey(projectId, "testing.flaky-tests");

    // Ten writers, same version: exactly one wins.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => code(updateItem(actors[1 + (n % 5)], { itemId: item.id, version: 1, changes: { notes: `writer ${n}` } }))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(9);
    expect(await db.activity.count({ where: { teamId, itemId: item.id, action: "item.updated" } })).toBe(1);

    // Ten writers that re-read and retry on conflict: all ten changes land, one after another.
    const appended = async (n: number) => {
      for (;;) {
        const current = await itemByKey(projectId, "testing.flaky-tests");
        const outcome = await code(updateItem(actors[1 + (n % 5)], { itemId: item.id, version: current.version, changes: { notes: `${current.notes}[${n}]` } }));
        if (outcome === "OK") return;
        expect(outcome).toBe("CONFLICT");
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => appended(n)));
    const final = await itemByKey(projectId, "testing.flaky-tests");
    expect(final.version).toBe(12);
    for (let n = 0; n < 10; n += 1) expect(final.notes).toContain(`[${n}]`);
    expect(await db.activity.count({ where: { teamId, itemId: item.id, action: "item.updated" } })).toBe(11);
  });

  it("lets a lead add, move, reorder and delete items, all recorded", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const security = await db.category.findFirstOrThrow({ where: { projectId, name: "Security" } });
    const testing = await db.category.findFirstOrThrow({ where: { projectId, name: "Testing" } });
    expect(await code(createItem(engineer, { categoryId: security.id, title: "WAF" }))).toBe("FORBIDDEN");
    const first = await createItem(lead, { categoryId: security.id, title: "Web application firewall", priority: "HIGH", effortHours: "4" });
    expect(first.key).toBe("security.web-application-firewall");
    const second = await createItem(lead, { categoryId: security.id, title: "Web application firewall" });
    expect(second.key).toBe("security.web-application-firewall-2");
    expect((await failure(createItem(lead, { categoryId: security.id, title: "Dup", key: "security.rate-limiting" }))).fields?.key).toBeDefined();

    await updateItem(lead, { itemId: first.itemId, version: 1, changes: { categoryId: testing.id } });
    expect((await db.item.findUniqueOrThrow({ where: { id: first.itemId } })).categoryId).toBe(testing.id);
    const before = await db.item.findUniqueOrThrow({ where: { id: second.itemId } });
    await reorderItem(lead, { itemId: second.itemId, direction: "up" });
    expect((await db.item.findUniqueOrThrow({ where: { id: second.itemId } })).position).toBeLessThan(before.position);
    await deleteItem(lead, { itemId: second.itemId });
    expect(await db.item.count({ where: { id: second.itemId } })).toBe(0);
    for (const action of ["item.created", "item.updated", "item.moved", "item.deleted"]) {
      expect((await activitiesOf(teamId, action)).length).toBeGreaterThan(0);
    }
  });

  it("only assigns owners from the team and never touches another team's items", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const other = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.unit");
    const error = await failure(updateItem(engineer, { itemId: item.id, version: 1, changes: { ownerId: other.actors[0].userId } }));
    expect(error.fields?.ownerId).toBeDefined();
    expect(await code(updateItem(other.actors[0], { itemId: item.id, version: 1, changes: { status: "DONE" } }))).toBe("NOT_FOUND");
    expect(await code(deleteItem(other.actors[0], { itemId: item.id }))).toBe("NOT_FOUND");
    expect(await code(addEvidence(other.actors[0], { itemId: item.id, kind: "LINK", target: "https://x.example" }))).toBe("NOT_FOUND");
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ version: 1, status: "MISSING" });
    expect(daysFromNow(0)).toMatch(/^\d{4}-/);
  });
});
