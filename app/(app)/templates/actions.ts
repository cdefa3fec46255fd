"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { requireActor } from "@/lib/server/access/current-actor";
import { deleteTeamTemplate, saveTeamTemplate } from "@/lib/server/services/templates";

export type TemplateFormState = ActionResult<{ key: string; version: number }> | null;

export async function saveTemplateAction(_: TemplateFormState, form: FormData): Promise<TemplateFormState> {
  const actor = await requireActor();
  const result = await runAction(async () => {
    const { key, version } = await saveTeamTemplate(actor, { text: form.get("text") });
    return { key, version };
  });
  if (result.ok) revalidatePath("/templates");
  return result;
}

export async function deleteTemplateAction(templateId: string) {
  const actor = await requireActor();
  const result = await runAction(() => deleteTeamTemplate(actor, { templateId }));
  revalidatePath("/templates");
  return result;
}
