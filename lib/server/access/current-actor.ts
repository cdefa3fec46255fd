import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { UntargetedAction } from "@/lib/domain/permissions";
import type { UserActor } from "@/lib/server/kernel/actor";
import { permits } from "@/lib/server/kernel/gate";
import { teamsOf, type TeamMembershipView } from "@/lib/server/services/teams";
import { isSetupOpen } from "@/lib/server/services/setup";
import { currentIdentity, type Identity } from "@/lib/server/identity/identity";

export const TEAM_COOKIE = "shipshape_team";

/**
 * The teams `userId` belongs to with their role in each, read once per
 * request (the actor and the app shell's team switcher share it). Never
 * cached across requests: a removal or a role change counts on the next one.
 */
export const teamsOfPerson = cache((userId: string): Promise<TeamMembershipView[]> => teamsOf(userId));

// The signed-in person acting in their selected team (the team cookie when
// they are a member of it, otherwise their first team).
const currentActor = cache(async (): Promise<UserActor | null> => {
  const identity = await currentIdentity();
  if (!identity) return null;
  const teams = await teamsOfPerson(identity.userId);
  if (teams.length === 0) return null;
  const selected = (await cookies()).get(TEAM_COOKIE)?.value;
  const team = teams.find((t) => t.teamId === selected) ?? teams[0];
  return { kind: "user", ...identity, teamId: team.teamId, role: team.role, timeZone: team.timeZone };
});

/** The signed-in person in their selected team, or null (signed out, or in no team): for pages outside the team shell. */
export const currentMember = (): Promise<UserActor | null> => currentActor();

export async function requireIdentity(): Promise<Identity> {
  const identity = await currentIdentity();
  if (identity) return identity;
  redirect((await isSetupOpen()) ? "/setup" : "/sign-in");
}

// For pages: sends visitors to sign in (or to setup on a fresh install) and
// people without a team to the welcome page; answers 403 when the gate does
// not allow the page's action.
export async function requireActor(action?: UntargetedAction): Promise<UserActor> {
  await requireIdentity();
  const actor = await currentActor();
  if (!actor) redirect("/welcome");
  if (action && !permits(actor, action)) forbidden();
  return actor;
}
