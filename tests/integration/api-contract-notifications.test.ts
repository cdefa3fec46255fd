// GET /api/v1/notifications: what the team's notifications told whom, called
// as a client would, each answer checked against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { markAllRead } from "@/lib/server/services/notifications";
import { requestWaiver } from "@/lib/server/services/waivers";
import { callApi, documentedOperations, notExercised } from "../support/api";
import { contractWorld } from "../support/contract";
import { teamWith } from "../support/fixtures";
import { catalogueProject, daysFromNow, itemByKey, itemsOf } from "../support/readiness";

let world: Awaited<ReturnType<typeof contractWorld>>;

beforeAll(async () => {
  world = await contractWorld();
  const items = (await itemsOf(world.projectId)).slice(0, 3);
  await bulkUpdateItems(world.lead, { projectId: world.projectId, itemIds: items.map((i) => i.id), changes: { ownerId: world.engineer.userId } });
  const item = await itemByKey(world.projectId, "security.headers");
  await requestWaiver(world.engineer, { itemId: item.id, reason: "Accepted for the beta", expiresAt: daysFromNow(7) });
  await markAllRead(world.lead);
  // Another team's events are never listed.
  const other = await teamWith(["LEAD", "ENGINEER"]);
  const otherProject = await catalogueProject(other.actors[0], ["security"]);
  const [first] = await itemsOf(otherProject);
  await bulkUpdateItems(other.actors[0], { projectId: otherProject, itemIds: [first.id], changes: { ownerId: other.actors[1].userId } });
});

describe("REST API contract: notifications", () => {
  it("lists the team's events newest first, with recipients and whether each has read it", async () => {
    const { status, body } = await callApi("GET", "/api/v1/notifications", { token: world.read });
    expect(status).toBe(200);
    expect(body.data.map((e: { kind: string }) => e.kind)).toEqual(["WAIVER_REQUESTED", "ITEM_ASSIGNED"]);
    const [waiver, assigned] = body.data;
    expect(waiver).toMatchObject({
      summary: expect.stringContaining("asked for a waiver on"),
      project: { id: world.projectId, name: "Checkout API" },
      item: { key: "security.headers" },
      actor: world.engineer.name,
    });
    // The admin and the lead decide waivers; the lead has read it.
    expect(waiver.recipients).toEqual(
      expect.arrayContaining([
        { name: world.admin.name, email: world.admin.email, read: false, readAt: null },
        { name: world.lead.name, email: world.lead.email, read: true, readAt: expect.any(String) },
      ]),
    );
    expect(waiver.recipients).toHaveLength(2);
    expect(assigned).toMatchObject({ summary: `${world.lead.name} assigned you 3 items in Checkout API`, item: null, recipients: [{ name: world.engineer.name, read: false }] });
    expect(body.nextCursor).toBeNull();
  });

  it("pages with a cursor, filters by kind, and refuses a bad cursor or kind field by field", async () => {
    const first = await callApi("GET", "/api/v1/notifications?limit=1", { token: world.read });
    expect(first.body.data).toHaveLength(1);
    const second = await callApi("GET", `/api/v1/notifications?limit=1&cursor=${first.body.nextCursor}`, { token: world.read });
    expect(second.body.data[0].kind).toBe("ITEM_ASSIGNED");
    expect(second.body.nextCursor).toBeNull();
    const kind = await callApi("GET", "/api/v1/notifications?kind=ITEM_ASSIGNED", { token: world.read });
    expect(kind.body.data.map((e: { kind: string }) => e.kind)).toEqual(["ITEM_ASSIGNED"]);
    // A cursor of the unfiltered list does not resume the filtered one.
    const other = await callApi("GET", `/api/v1/notifications?kind=ITEM_ASSIGNED&cursor=${first.body.nextCursor}`, { token: world.read });
    expect(other.status).toBe(400);
    expect(other.body.error.fields.cursor).toBeDefined();
    const bad = await callApi("GET", "/api/v1/notifications?kind=NOPE", { token: world.read });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.kind).toBeDefined();
  });

  it("answers only with a token", async () => {
    expect((await callApi("GET", "/api/v1/notifications")).status).toBe(401);
  });
});

afterAll(() => {
  expect(notExercised(documentedOperations(["Notifications"]))).toEqual([]);
});
