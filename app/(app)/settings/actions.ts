"use server";

import { revalidatePath } from "next/cache";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { requireActor } from "@/lib/server/access/current-actor";
import { createApiToken, revokeApiToken } from "@/lib/server/services/api-tokens";
import { renameTeam, setTeamTimeZone } from "@/lib/server/services/teams";
import type { FormState } from "@/app/(auth)/actions";

export async function renameTeamAction(_: FormState | null, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const result = await runAction(async () => {
    await renameTeam(actor, { name: form.get("name") });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return { ...result, values: { name: String(form.get("name") ?? "") } };
}

export type TimeZoneState = ActionResult<{ timeZone: string }> & { values?: Record<string, string> };

export async function setTeamTimeZoneAction(_: TimeZoneState | null, form: FormData): Promise<TimeZoneState> {
  const actor = await requireActor();
  const result = await runAction(async () => ({ timeZone: (await setTeamTimeZone(actor, { timeZone: form.get("timeZone") })).timeZone }));
  // Every page judges its days in the team's zone.
  if (result.ok) revalidatePath("/", "layout");
  return { ...result, values: formValues(form, ["timeZone"]) };
}

export type CreateTokenState = ActionResult<{ name: string; secret: string; scope: string }> & { values?: Record<string, string> };

export async function createApiTokenAction(_: CreateTokenState | null, form: FormData): Promise<CreateTokenState> {
  const actor = await requireActor();
  const result = await runAction(async () => {
    const { token, secret } = await createApiToken(actor, Object.fromEntries(form));
    return { name: token.name, secret, scope: token.scope };
  });
  if (result.ok) revalidatePath("/settings");
  return { ...result, values: formValues(form, ["name", "scope", "expiresInDays"]) };
}

export async function revokeApiTokenAction(tokenId: string) {
  const actor = await requireActor();
  const result = await runAction(() => revokeApiToken(actor, { tokenId }));
  revalidatePath("/settings");
  return result;
}
