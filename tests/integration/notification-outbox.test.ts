import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { emitNotification } from "@/lib/server/notifications/outbox";
import { teamWith } from "../support/fixtures";

describe("the notification outbox", () => {
  it("records the event and an inbox entry per recipient, never for the actor or someone outside the team", async () => {
    const { actors: [lead, engineer, viewer] } = await teamWith(["LEAD", "ENGINEER", "VIEWER"]);
    const outsider = (await teamWith(["ENGINEER"])).actors[0];
    const eventId = await db.$transaction((tx) =>
      emitNotification(tx, lead, {
        kind: "ITEM_ASSIGNED",
        summary: "Lead assigned you an item",
        link: "/my-work",
        recipientIds: [engineer.userId, engineer.userId, lead.userId, viewer.userId, outsider.userId],
      }),
    );
    expect(eventId).toEqual(expect.any(String));
    const event = await db.notificationEvent.findUniqueOrThrow({ where: { id: eventId! } });
    expect(event).toMatchObject({ teamId: lead.teamId, kind: "ITEM_ASSIGNED", actorUserId: lead.userId });
    expect(event.payload).toMatchObject({ v: 1, kind: "ITEM_ASSIGNED", summary: "Lead assigned you an item", actor: lead.name });
    const inbox = await db.notification.findMany({ where: { eventId: eventId! }, select: { userId: true, teamId: true } });
    expect(inbox.map((entry) => entry.userId).sort()).toEqual([engineer.userId, viewer.userId].sort());
    expect(inbox.every((entry) => entry.teamId === lead.teamId)).toBe(true);
  });

  it("records an event with a dedupe key once per team", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    const draft = { kind: "ITEM_DUE_SOON" as const, summary: "Due in 3 days", link: "/my-work", recipientIds: [engineer.userId], dedupeKey: "due:item-1:2026-12-03" };
    const first = await db.$transaction((tx) => emitNotification(tx, lead, draft));
    const second = await db.$transaction((tx) => emitNotification(tx, lead, draft));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await db.notification.count({ where: { userId: engineer.userId, teamId: lead.teamId } })).toBe(1);
  });

  it("notifies no one of a change that rolled back", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"]);
    await expect(
      db.$transaction(async (tx) => {
        await emitNotification(tx, lead, { kind: "ITEM_ASSIGNED", summary: "x", link: "/", recipientIds: [engineer.userId] });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.notificationEvent.count({ where: { teamId: lead.teamId } })).toBe(0);
    expect(await db.notification.count({ where: { userId: engineer.userId } })).toBe(0);
  });
});
