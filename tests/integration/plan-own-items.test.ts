// Engineers plan their own work: the due date and effort of an item they own,
// and nothing else a lead shapes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { updateItem } from "@/lib/server/services/items";
import { mayPlanItem } from "@/lib/server/services/item-permissions";
import { callApi, tokenFor } from "../support/api";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, failure, itemByKey } from "../support/readiness";

describe("planning one's own items", () => {
  it("lets an engineer set the due date and effort of an item they own, and records it", async () => {
    const { teamId, actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.unit");
    await updateItem(lead, { itemId: item.id, version: 1, changes: { ownerId: engineer.userId } });

    const view = await updateItem(engineer, { itemId: item.id, version: 2, changes: { dueDate: "2027-03-01", effortHours: "6.5" } });
    expect(view).toMatchObject({ dueDate: "2027-03-01", effortHours: 6.5, version: 3, updatedByName: engineer.name });
    const [, planned] = await activitiesOf(teamId, "item.updated");
    expect(planned).toMatchObject({ actorUserId: engineer.userId, itemId: item.id });
    expect(planned.before).toMatchObject({ dueDate: null, effortHours: item.effortHours, version: 2 });
    expect(planned.after).toMatchObject({ dueDate: "2027-03-01T00:00:00.000Z", effortHours: 6.5, version: 3 });
    // Clearing them is planning too.
    expect(await updateItem(engineer, { itemId: item.id, version: 3, changes: { dueDate: null } })).toMatchObject({ dueDate: null, version: 4 });
  });

  it("refuses the engineer on another's item, on an unowned one, and for any other lead's field, changing nothing", async () => {
    const { teamId, actors: [lead, engineer, colleague] } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const theirs = await itemByKey(projectId, "testing.unit");
    await updateItem(lead, { itemId: theirs.id, version: 1, changes: { ownerId: colleague.userId } });
    const unowned = await itemByKey(projectId, "testing.load");
    const before = await activitiesOf(teamId, "item.updated");

    const refused = await failure(updateItem(engineer, { itemId: theirs.id, version: 2, changes: { dueDate: "2027-03-01" } }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/only of items you own/);
    expect((await failure(updateItem(engineer, { itemId: unowned.id, version: 1, changes: { effortHours: "2" } }))).code).toBe("FORBIDDEN");

    // On their own item, planning opens no door to the fields a lead shapes.
    await updateItem(lead, { itemId: unowned.id, version: 1, changes: { ownerId: engineer.userId } });
    expect((await failure(updateItem(engineer, { itemId: unowned.id, version: 2, changes: { dueDate: "2027-03-01", priority: "LOW" } }))).code).toBe("FORBIDDEN");
    expect((await failure(updateItem(engineer, { itemId: unowned.id, version: 2, changes: { title: "Mine now" } }))).code).toBe("FORBIDDEN");

    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ dueDate: null, effortHours: theirs.effortHours, version: 2 });
    expect(await itemByKey(projectId, "testing.load")).toMatchObject({ dueDate: null, effortHours: unowned.effortHours, priority: unowned.priority, title: unowned.title, version: 2 });
    expect(await activitiesOf(teamId, "item.updated")).toHaveLength(before.length + 1);
  });

  it("judges the owner as the item stands before the change: taking an item and planning it in one request is refused", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.unit");
    const refused = await failure(updateItem(engineer, { itemId: item.id, version: 1, changes: { ownerId: engineer.userId, dueDate: "2027-03-01" } }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ ownerId: null, dueDate: null, version: 1 });
    // Taken first, then planned: two requests.
    await updateItem(engineer, { itemId: item.id, version: 1, changes: { ownerId: engineer.userId } });
    expect(await updateItem(engineer, { itemId: item.id, version: 2, changes: { dueDate: "2027-03-01" } })).toMatchObject({ dueDate: "2027-03-01" });
    // Handing it on while planning it is theirs to do: it is still theirs when the request is judged.
    expect(await updateItem(engineer, { itemId: item.id, version: 3, changes: { ownerId: lead.userId, effortHours: "5" } })).toMatchObject({ ownerId: lead.userId, effortHours: 5 });
  });

  it("refuses a viewer, and a lead plans anyone's item", async () => {
    const { actors: [lead, engineer, viewer] } = await teamWith(["LEAD", "ENGINEER", "VIEWER"]);
    const projectId = await catalogueProject(lead);
    const item = await itemByKey(projectId, "testing.unit");
    await db.item.update({ where: { id: item.id }, data: { ownerId: viewer.userId } });
    expect((await failure(updateItem(viewer, { itemId: item.id, version: 1, changes: { dueDate: "2027-03-01" } }))).code).toBe("FORBIDDEN");
    expect(mayPlanItem(viewer, { ownerId: viewer.userId })).toBe(false);
    expect(mayPlanItem(engineer, { ownerId: engineer.userId })).toBe(true);
    expect(mayPlanItem(engineer, { ownerId: null })).toBe(false);
    expect(mayPlanItem(lead, { ownerId: engineer.userId })).toBe(true);
    expect(await updateItem(lead, { itemId: item.id, version: 1, changes: { effortHours: "3" } })).toMatchObject({ effortHours: 3 });
  });

  it("answers the REST API the same way: a read token is refused with 403 and nothing changes", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const projectId = await catalogueProject(admin);
    const read = await tokenFor(admin, "read");
    const write = await tokenFor(admin, "write");
    const path = `/api/v1/projects/${projectId}/items/testing.unit`;
    const refused = await callApi("PATCH", path, { token: read.secret, body: { version: 1, dueDate: "2027-03-01" } });
    expect(refused.status).toBe(403);
    expect(await itemByKey(projectId, "testing.unit")).toMatchObject({ dueDate: null, version: 1 });
    const planned = await callApi("PATCH", path, { token: write.secret, body: { version: 1, dueDate: "2027-03-01", effortHours: 4 } });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ dueDate: "2027-03-01", effortHours: 4 });
  });
});
