"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { renameTeam } from "@/lib/server/services/teams";
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
