"use server";

// Server actions of the person's teams: switching, creating, and the team's
// name and time zone (the settings page).
import { renameTeam, setTeamTimeZone } from "@/lib/server/services/teams";
import { defineAction } from "./define-action";
import { everyPage } from "./pages";
import { createTeamAndSwitch, switchToTeam } from "./session-flows";

export const switchTeam = defineAction({
  as: "person",
  run: (identity, teamId: string) => switchToTeam(identity, teamId),
  redirect: () => "/",
});

export const createTeamAction = defineAction({
  as: "person",
  form: { keep: ["name", "timeZone"] },
  run: (identity, form) => createTeamAndSwitch(identity, form),
  redirect: () => "/",
});

// The name shows in every page's header.
export const renameTeamAction = defineAction({
  form: { keep: ["name"] },
  run: (actor, form) => renameTeam(actor, { name: form.get("name") }),
  revalidate: () => everyPage,
});

// Every page judges its days in the team's zone.
export const setTeamTimeZoneAction = defineAction({
  form: { keep: ["timeZone"] },
  run: async (actor, form) => ({ timeZone: (await setTeamTimeZone(actor, { timeZone: form.get("timeZone") })).timeZone }),
  revalidate: () => everyPage,
});
