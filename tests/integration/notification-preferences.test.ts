import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { notificationSettings, setNotificationPreferences } from "@/lib/server/services/notification-preferences";
import { activitiesOf, teamWith } from "../support/fixtures";

describe("e-mail notification settings", () => {
  it("shows the defaults, saves a choice per kind and team, records it, and refuses an unknown cadence field by field", async () => {
    const { teamId, actors: [viewer] } = await teamWith(["VIEWER"]);
    const other = await teamWith(["ENGINEER"]);
    const before = await notificationSettings(viewer);
    expect(before.find((s) => s.kind === "ITEM_ASSIGNED")).toMatchObject({ cadence: "IMMEDIATE", defaultCadence: "IMMEDIATE", label: "An item is assigned to you" });
    expect(before.find((s) => s.kind === "LEVEL_RAISED")).toMatchObject({ cadence: "WEEKLY" });

    expect(await setNotificationPreferences(viewer, { cadences: { ITEM_ASSIGNED: "DAILY", LEVEL_RAISED: "WEEKLY" } })).toEqual({ changed: ["ITEM_ASSIGNED"] });
    expect((await notificationSettings(viewer)).find((s) => s.kind === "ITEM_ASSIGNED")).toMatchObject({ cadence: "DAILY", defaultCadence: "IMMEDIATE" });
    expect(await db.notificationPreference.count({ where: { teamId: other.teamId } })).toBe(0);
    const [entry] = await activitiesOf(teamId, "notifications.preferencesChanged");
    expect(entry).toMatchObject({ before: { ITEM_ASSIGNED: "IMMEDIATE" }, after: { ITEM_ASSIGNED: "DAILY" } });

    await expect(setNotificationPreferences(viewer, { cadences: { ITEM_ASSIGNED: "HOURLY" } })).rejects.toMatchObject({ code: "VALIDATION", fields: { "cadences.ITEM_ASSIGNED": expect.any(Array) } });
  });
});
