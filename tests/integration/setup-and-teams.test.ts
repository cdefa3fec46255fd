import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";
import { claimInstallation, isSetupOpen } from "@/lib/server/services/setup";
import { createTeam, renameTeam, teamsOf } from "@/lib/server/services/teams";
import { activitiesOf, person, teamWith } from "../support/fixtures";

describe("first-run setup", () => {
  it("can be claimed exactly once, even by simultaneous requests", async () => {
    await db.installation.deleteMany();
    expect(await isSetupOpen()).toBe(true);
    const outcomes = await Promise.all(
      ["a@example.com", "b@example.com", "c@example.com"].map((email) =>
        claimInstallation(email).then(() => "claimed", (error: AppError) => error.code),
      ),
    );
    expect(outcomes.filter((o) => o === "claimed")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(2);
    expect(await isSetupOpen()).toBe(false);
  });
});

describe("teams", () => {
  it("makes the creator the admin of a new team; a person can be in several", async () => {
    const identity = await person("Founder");
    const first = await createTeam(identity, { name: "Payments" });
    const second = await createTeam(identity, { name: "Search" });
    const teams = await teamsOf(identity.userId);
    expect(teams.map((t) => [t.teamName, t.role])).toEqual([["Payments", "ADMIN"], ["Search", "ADMIN"]]);
    expect(await activitiesOf(first.teamId, "team.created")).toHaveLength(1);
    expect(await activitiesOf(second.teamId, "team.created")).toHaveLength(1);
  });

  it("rejects a bad name with a field error and creates nothing", async () => {
    const identity = await person("Hasty");
    const error = await createTeam(identity, { name: " " }).then(() => undefined, (e: AppError) => e);
    expect(error?.fields?.name?.[0]).toMatch(/at least 2/);
    expect(await teamsOf(identity.userId)).toEqual([]);
  });

  it("lets only admins rename, scoped to their own team", async () => {
    const { teamId, actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    await expect(renameTeam(lead, { name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await renameTeam(admin, { name: "Renamed" });
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId } })).name).toBe("Renamed");
    const [activity] = await activitiesOf(teamId, "team.renamed");
    expect(activity.after).toEqual({ name: "Renamed" });
  });
});
