"use server";

import { redirect } from "next/navigation";
import { formValues, runAction } from "@/lib/server/actions/action-result";
import { requireIdentity } from "@/lib/server/access/current-actor";
import { selectTeam } from "@/lib/server/access/team-cookie";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { createTeam, teamsOf } from "@/lib/server/services/teams";
import { switchTeamInput } from "@/lib/schemas/team";
import type { FormState } from "@/app/(auth)/actions";

export async function switchTeam(teamId: string) {
  const identity = await requireIdentity();
  const result = await runAction(async () => {
    const input = parseInput(switchTeamInput, { teamId });
    const teams = await teamsOf(identity.userId);
    if (!teams.some((team) => team.teamId === input.teamId)) throw new AppError("FORBIDDEN", "You are not a member of that team.");
    await selectTeam(input.teamId);
    return undefined;
  });
  if (result.ok) redirect("/");
  return result;
}

export async function createTeamAction(_: FormState | null, form: FormData): Promise<FormState> {
  const identity = await requireIdentity();
  let teamId: string | undefined;
  const result = await runAction(async () => {
    ({ teamId } = await createTeam(identity, { name: form.get("name"), timeZone: form.get("timeZone") ?? undefined }));
    return undefined;
  });
  if (result.ok && teamId) {
    await selectTeam(teamId);
    redirect("/");
  }
  return { ...result, values: formValues(form, ["name", "timeZone"]) };
}
