// Bulk edits of checklist items: one change to many items of a project, each
// item judged as a single edit of it would be, all of it in one transaction
// with one activity record per changed item and one for the whole change.
import { describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/v1/projects/[projectId]/items/bulk/route";
import { describeActivity } from "@/lib/domain/activity-text";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db, sqlStatementCount } from "@/lib/server/kernel/db";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { addEvidence } from "@/lib/server/services/evidence";
import { updateItem } from "@/lib/server/services/items";
import { archiveProject } from "@/lib/server/services/projects";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure, itemByKey, itemsOf } from "../support/readiness";

// What a bulk edit may change, per item, to compare before and after.
const standing = async (projectId: string) =>
  (await itemsOf(projectId)).map(({ id, status, notApplicableReason, priority, ownerId, dueDate, version }) => ({ id, status, notApplicableReason, priority, ownerId, dueDate, version }));

const itemActivity = (projectId: string) => db.activity.count({ where: { projectId, action: { in: ["item.updated", "item.bulkUpdated"] } } });

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER", "ENGINEER", "VIEWER"]);
  const [admin, lead, engineer, otherEngineer, viewer] = actors;
  const projectId = await catalogueProject(lead);
  const items = await itemsOf(projectId);
  const byPriority = (priority: string) => items.filter((item) => item.priority === priority);
  return { teamId, admin, lead, engineer, otherEngineer, viewer, projectId, items, byPriority };
}

describe("bulk edits", () => {
  it("sets N/A with one reason on many items: one record per changed item and one for the whole change", async () => {
    const w = await world();
    const [already, ...rest] = w.items.slice(0, 6);
    await updateItem(w.lead, { itemId: already.id, version: 1, changes: { status: "NOT_APPLICABLE", notApplicableReason: "not a public service" } });
    const before = await activitiesOf(w.teamId, "item.updated");

    const result = await bulkUpdateItems(w.lead, {
      projectId: w.projectId,
      itemIds: [already.id, ...rest.map((item) => item.id)],
      changes: { status: "NOT_APPLICABLE", notApplicableReason: "not a public service" },
    });

    // The item already N/A for that reason is neither changed nor refused.
    expect(result.refused).toEqual([]);
    expect(result.unchanged).toBe(1);
    expect(result.updated.map((item) => item.id).sort()).toEqual(rest.map((item) => item.id).sort());
    for (const item of result.updated) {
      expect(item).toMatchObject({ status: "NOT_APPLICABLE", notApplicableReason: "not a public service", version: 2, updatedByName: w.lead.name });
      expect(item.categoryName).toBeTruthy();
    }
    expect(await itemByKey(w.projectId, already.key)).toMatchObject({ version: 2 });

    const records = (await activitiesOf(w.teamId, "item.updated")).slice(before.length);
    expect(records.map((r) => r.itemId).sort()).toEqual(rest.map((item) => item.id).sort());
    for (const record of records) {
      expect(record.before).toEqual({ status: "MISSING", notApplicableReason: null, version: 1 });
      expect(record.after).toEqual({ status: "NOT_APPLICABLE", notApplicableReason: "not a public service", version: 2 });
      expect(record.projectId).toBe(w.projectId);
    }
    const [summary] = await activitiesOf(w.teamId, "item.bulkUpdated");
    expect(summary).toMatchObject({ projectId: w.projectId, itemId: null, actorUserId: w.lead.userId });
    expect(summary.after).toEqual({ count: 5, changes: { status: "NOT_APPLICABLE", notApplicableReason: "not a public service" }, refused: [], unchanged: 1 });
    expect(describeActivity({ action: summary.action, before: null, after: summary.after as Record<string, unknown> })).toBe("set 5 items to N/A: “not a public service”");
    // The readiness history follows the change, once.
    expect(await db.readinessSnapshot.count({ where: { projectId: w.projectId } })).toBeGreaterThan(0);
  });

  it("keeps optimistic concurrency right for other tabs: a stale edit of another field merges, one of the same field is refused", async () => {
    const w = await world();
    const [item] = w.byPriority("MEDIUM");
    await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [item.id], changes: { priority: "LOW" } });
    // Another tab still shows version 1.
    expect(await updateItem(w.engineer, { itemId: item.id, version: 1, changes: { notes: "from the other tab" } })).toMatchObject({ priority: "LOW", notes: "from the other tab", version: 3 });
    const clash = await failure(updateItem(w.lead, { itemId: item.id, version: 1, changes: { priority: "HIGH" } }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toContain(`${w.lead.name} changed the priority from Medium to Low`);
  });

  it("refuses DONE where the evidence policy asks for evidence the item lacks, and lands the rest", async () => {
    const w = await world();
    const [proven, unproven] = w.byPriority("CRITICAL");
    const [high] = w.byPriority("HIGH");
    await addEvidence(w.engineer, { itemId: proven.id, kind: "PULL_REQUEST", target: "https://github.com/acme/api/pull/7" });
    const expired = w.byPriority("CRITICAL")[2];
    const { evidenceId } = await addEvidence(w.engineer, { itemId: expired.id, kind: "LINK", target: "https://wiki.example.com/old" });
    await db.evidence.update({ where: { id: evidenceId }, data: { expiresAt: new Date("2000-01-01T00:00:00Z") } });

    const result = await bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: [proven.id, unproven.id, high.id, expired.id], changes: { status: "DONE" } });
    expect(result.updated.map((item) => item.key).sort()).toEqual([proven.key, high.key].sort());
    expect(result.refused.map((r) => r.key).sort()).toEqual([unproven.key, expired.key].sort());
    for (const refusal of result.refused) {
      expect(refusal.reason).toBe("This project asks for evidence before a critical item is marked done. Add a link or path first.");
      expect(refusal.title).toBeTruthy();
    }
    expect(await itemByKey(w.projectId, unproven.key)).toMatchObject({ status: "MISSING", version: 1 });
    expect(await itemByKey(w.projectId, high.key)).toMatchObject({ status: "DONE", version: 2 });
    const [summary] = await activitiesOf(w.teamId, "item.bulkUpdated");
    expect((summary.after as { refused: string[] }).refused.sort()).toEqual([unproven.key, expired.key].sort());
    expect(describeActivity({ action: summary.action, before: null, after: summary.after as Record<string, unknown> })).toMatch(/^set 2 items to Done; 2 left as they were \(/);
  });

  it("judges DONE under the priority the same change sets", async () => {
    const w = await world();
    const [low] = w.byPriority("LOW");
    const result = await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [low.id], changes: { status: "DONE", priority: "CRITICAL" } });
    expect(result.updated).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(await activitiesOf(w.teamId, "item.bulkUpdated")).toEqual([]);
  });

  it("decides each field by the single edit's permission, and the due date by ownership for engineers", async () => {
    const w = await world();
    const ids = w.items.slice(0, 4).map((item) => item.id);
    const untouched = await standing(w.projectId);

    expect(await code(bulkUpdateItems(w.viewer, { projectId: w.projectId, itemIds: ids, changes: { status: "PARTIAL" } }))).toBe("FORBIDDEN");
    expect(await code(bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: ids, changes: { priority: "LOW" } }))).toBe("FORBIDDEN");
    expect(await code(bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: ids, changes: { status: "PARTIAL", priority: "LOW" } }))).toBe("FORBIDDEN");
    expect(await standing(w.projectId)).toEqual(untouched);
    expect(await itemActivity(w.projectId)).toBe(0);

    const worked = await bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: ids, changes: { status: "PARTIAL", ownerId: w.engineer.userId } });
    expect(worked.updated).toHaveLength(4);
    expect(worked.updated.every((item) => item.status === "PARTIAL" && item.ownerId === w.engineer.userId)).toBe(true);

    // Two of the four now belong to someone else: the engineer plans only their own.
    await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids.slice(2), changes: { ownerId: w.otherEngineer.userId } });
    const planned = await bulkUpdateItems(w.engineer, { projectId: w.projectId, itemIds: ids, changes: { dueDate: "2027-03-01" } });
    expect(planned.updated.map((item) => item.id).sort()).toEqual(ids.slice(0, 2).sort());
    expect(planned.updated[0].dueDate).toBe("2027-03-01");
    expect(planned.refused.map((r) => r.itemId).sort()).toEqual(ids.slice(2).sort());
    expect(planned.refused[0].reason).toMatch(/^You can set the due date and effort only of items you own\./);
    for (const id of ids.slice(2)) expect((await db.item.findUniqueOrThrow({ where: { id } })).dueDate).toBeNull();

    // A lead may plan anyone's items.
    const led = await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { dueDate: "2027-04-01" } });
    expect(led.refused).toEqual([]);
    expect(led.updated).toHaveLength(4);
  });

  it("names owners who are members only, by id or e-mail", async () => {
    const w = await world();
    const ids = w.items.slice(0, 2).map((item) => item.id);
    const { actors: [stranger] } = await teamWith(["LEAD"], "Elsewhere");
    const byId = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { ownerId: stranger.userId } }));
    expect(Object.keys(byId.fields ?? {})).toEqual(["changes.ownerId"]);
    const byEmail = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { ownerEmail: stranger.email } }));
    expect(Object.keys(byEmail.fields ?? {})).toEqual(["changes.ownerEmail"]);
    const assigned = await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: ids, changes: { ownerEmail: w.engineer.email } });
    expect(assigned.updated.map((item) => item.ownerEmail)).toEqual([w.engineer.email, w.engineer.email]);
    const [summary] = await activitiesOf(w.teamId, "item.bulkUpdated");
    expect(summary.after).toMatchObject({ changes: { ownerId: w.engineer.userId }, ownerName: w.engineer.name });
  });

  it("refuses items of another project or team, and a project of another team or archived, changing nothing", async () => {
    const w = await world();
    const other = await world();
    const secondProject = await catalogueProject(w.lead, ["security"], "Second");
    const mine = w.items.slice(0, 3).map((item) => item.id);
    const untouched = [await standing(w.projectId), await standing(other.projectId), await standing(secondProject)];

    const foreign = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [...mine, other.items[0].id], changes: { status: "PARTIAL" } }));
    expect(foreign.code).toBe("VALIDATION");
    expect(foreign.fields?.itemIds?.[0]).toMatch(/One of the selected items is not in this project/);
    const sibling = (await itemsOf(secondProject))[0];
    expect(Object.keys((await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: [...mine, sibling.id], changes: { status: "PARTIAL" } }))).fields ?? {})).toEqual(["itemIds"]);
    // The other team's project, named with its own items, does not exist for this team.
    expect(await code(bulkUpdateItems(w.lead, { projectId: other.projectId, itemIds: [other.items[0].id], changes: { status: "PARTIAL" } }))).toBe("NOT_FOUND");
    const unknownKey = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, keys: [w.items[0].key, "security.no-such-item"], changes: { status: "PARTIAL" } }));
    expect(unknownKey.fields?.keys?.[0]).toBe("No item of this project has the key “security.no-such-item”.");
    expect([await standing(w.projectId), await standing(other.projectId), await standing(secondProject)]).toEqual(untouched);
    expect(await itemActivity(w.projectId)).toBe(0);

    await archiveProject(w.lead, { projectId: w.projectId });
    const archived = await failure(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: mine, changes: { status: "PARTIAL" } }));
    expect(archived.code).toBe("CONFLICT");
    expect(archived.message).toMatch(/archived/);
    expect(await standing(w.projectId)).toEqual(untouched[0]);
  });

  it("answers bad input with field errors and changes nothing", async () => {
    const w = await world();
    const ids = w.items.slice(0, 2).map((item) => item.id);
    const untouched = await standing(w.projectId);
    const fieldsOf = async (input: unknown) => {
      const error = await failure(bulkUpdateItems(w.lead, input));
      expect(error.code).toBe("VALIDATION");
      return Object.keys(error.fields ?? {});
    };
    expect(await fieldsOf({ projectId: w.projectId, itemIds: [], changes: { status: "DONE" } })).toEqual(["itemIds"]);
    expect(await fieldsOf({ projectId: w.projectId, changes: { status: "DONE" } })).toEqual(["itemIds"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: Array.from({ length: 1001 }, (_, n) => `id-${n}`), changes: { status: "DONE" } })).toEqual(["itemIds"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: ids, changes: { status: "FINISHED" } })).toEqual(["changes.status"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: ids, changes: { status: "NOT_APPLICABLE" } })).toEqual(["changes.notApplicableReason"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: ids, changes: { status: "NOT_APPLICABLE", notApplicableReason: "  " } })).toEqual(["changes.notApplicableReason"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: ids, changes: {} })).toEqual(["changes"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: ids, changes: { dueDate: "next week" } })).toEqual(["changes.dueDate"]);
    expect(await fieldsOf({ projectId: w.projectId, itemIds: ids, keys: ["security.cors"], changes: { status: "DONE" } })).toEqual(["keys"]);
    expect(await standing(w.projectId)).toEqual(untouched);
  });

  it("is one transaction: a write that fails midway leaves every item and the log as they were", async () => {
    const w = await world();
    const items = w.byPriority("MEDIUM").slice(0, 5);
    const untouched = await standing(w.projectId);
    const failing = items[3];
    // A fault on one item's row, as a broken disk or a constraint would raise it.
    await db.$executeRawUnsafe(`CREATE FUNCTION bulk_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'write failed'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER bulk_test_fail BEFORE UPDATE ON item FOR EACH ROW WHEN (OLD.id = '${failing.id}') EXECUTE FUNCTION bulk_test_fail()`);
    try {
      await expect(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: items.map((item) => item.id), changes: { status: "PARTIAL", priority: "LOW" } })).rejects.toThrow(/write failed/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER bulk_test_fail ON item`);
    }
    expect(await standing(w.projectId)).toEqual(untouched);
    expect(await itemActivity(w.projectId)).toBe(0);

    // A fault after the items were written (recording the whole change) undoes their writes too.
    await db.$executeRawUnsafe(`CREATE TRIGGER bulk_test_fail BEFORE INSERT ON activity FOR EACH ROW WHEN (NEW.action = 'item.bulkUpdated' AND NEW."teamId" = '${w.teamId}') EXECUTE FUNCTION bulk_test_fail()`);
    try {
      await expect(bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: items.map((item) => item.id), changes: { status: "PARTIAL" } })).rejects.toThrow(/write failed/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER bulk_test_fail ON activity`);
      await db.$executeRawUnsafe(`DROP FUNCTION bulk_test_fail()`);
    }
    expect(await standing(w.projectId)).toEqual(untouched);
    expect(await itemActivity(w.projectId)).toBe(0);

    // Without the fault the same change lands.
    expect((await bulkUpdateItems(w.lead, { projectId: w.projectId, itemIds: items.map((item) => item.id), changes: { status: "PARTIAL" } })).updated).toHaveLength(5);
  });

  it("sends as many statements for 40 items as for 2", async () => {
    const { actors: [lead] } = await teamWith(["LEAD"]);
    const projectId = await catalogueProject(lead, ["security", "testing", "monitoring", "backup", "infrastructure"]);
    // One critical item is left alone, so neither edit moves the level (which would tell the leads, a few statements more).
    const all = await itemsOf(projectId);
    const items = all.filter((item) => item !== all.find((candidate) => candidate.priority === "CRITICAL"));
    const statements = async (actor: UserActor, ids: string[], priority: "LOW" | "HIGH") => {
      const before = sqlStatementCount();
      const result = await bulkUpdateItems(actor, { projectId, itemIds: ids, changes: { status: "PARTIAL", priority } });
      expect(result.updated).toHaveLength(ids.length);
      return sqlStatementCount() - before;
    };
    expect(items.length).toBeGreaterThanOrEqual(42);
    const few = await statements(lead, items.slice(0, 2).map((item) => item.id), "LOW");
    const many = await statements(lead, items.slice(2, 42).map((item) => item.id), "LOW");
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(15);
  });

  it("answers on the API by key for a write token, and 403 for a read token", async () => {
    const w = await world();
    const write = await tokenFor(w.admin, "write", "Triage script");
    const read = await tokenFor(w.admin, "read", "Dashboard");
    const [critical] = w.byPriority("CRITICAL");
    const keys = [...w.byPriority("LOW").slice(0, 2).map((item) => item.key), critical.key];
    const path = `/api/v1/projects/${w.projectId}/items/bulk`;
    const untouched = await standing(w.projectId);

    const denied = await callApi("POST", path, { token: read.secret, body: { keys, changes: { status: "DONE" } } });
    expect(denied.status).toBe(403);
    expect(await standing(w.projectId)).toEqual(untouched);

    const { status, body } = await callApi("POST", path, { token: write.secret, body: { keys, changes: { status: "DONE", ownerEmail: w.engineer.email } } });
    expect(status).toBe(200);
    expect(body.updated.map((item: { key: string }) => item.key).sort()).toEqual(keys.slice(0, 2).sort());
    expect(body.updated[0]).toMatchObject({ status: "DONE", ownerEmail: w.engineer.email, version: 2, updatedBy: "API token “Triage script”", timeZone: "UTC" });
    expect(body.refused).toEqual([{ key: critical.key, title: critical.title, reason: expect.stringMatching(/evidence/) }]);
    expect(JSON.stringify(body.refused)).not.toContain(critical.id);
    const [summary] = await activitiesOf(w.teamId, "item.bulkUpdated");
    expect(summary).toMatchObject({ actorTokenId: write.id, actorLabel: "API token “Triage script”" });

    const noReason = await callApi("POST", path, { token: write.secret, body: { keys, changes: { status: "NOT_APPLICABLE" } } });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.fields)).toEqual(["changes.notApplicableReason"]);
    const neither = await callApi("POST", path, { token: write.secret, body: { changes: { status: "DONE" } } });
    expect(neither.status).toBe(400);
    expect(Object.keys(neither.body.error.fields)).toEqual(["itemIds"]);
    const unknownField = await callApi("POST", path, { token: write.secret, body: { keys, changes: { notes: "x" } } });
    expect(unknownField.status).toBe(400);
    const archived = await callApi("POST", `/api/v1/projects/no-such-project/items/bulk`, { token: write.secret, body: { keys, changes: { status: "DONE" } } });
    expect(archived.status).toBe(404);
  });

  it("still serves an item whose key is `bulk` on GET and PATCH", async () => {
    const w = await world();
    const write = await tokenFor(w.admin, "write");
    const category = await db.category.findFirstOrThrow({ where: { projectId: w.projectId } });
    await db.item.create({ data: { teamId: w.teamId, projectId: w.projectId, categoryId: category.id, key: "bulk", title: "Bulk mail provider", position: 999 } });
    // Called as Next would: the documented operation on this path is the bulk POST.
    const url = `http://localhost:3000/api/v1/projects/${w.projectId}/items/bulk`;
    const params = () => Promise.resolve({ projectId: w.projectId });
    const headers = { authorization: `Bearer ${write.secret}`, "content-type": "application/json", "x-forwarded-for": "203.0.113.250" };
    const read = await bulkRoute.GET(new Request(url, { headers }), { params: params() });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ key: "bulk", title: "Bulk mail provider", version: 1 });
    const patched = await bulkRoute.PATCH(new Request(url, { method: "PATCH", headers, body: JSON.stringify({ status: "PARTIAL", version: 1 }) }), { params: params() });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ key: "bulk", status: "PARTIAL", version: 2 });
  });
});
