"use server";

import { revalidatePath } from "next/cache";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { requireActor } from "@/lib/server/access/current-actor";
import { createMilestone, deleteMilestone } from "@/lib/server/services/milestones";

export type MilestoneFormState = ActionResult<{ milestoneId: string }> & { values?: Record<string, string> };

const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/history`);
  revalidatePath(`/projects/${projectId}/report`);
};

export async function createMilestoneAction(_: MilestoneFormState | null, form: FormData): Promise<MilestoneFormState> {
  const actor = await requireActor();
  const projectId = String(form.get("projectId") ?? "");
  const result = await runAction(() => createMilestone(actor, { projectId, name: form.get("name") }));
  if (result.ok) refresh(projectId);
  return { ...result, values: formValues(form, ["name"]) };
}

export async function deleteMilestoneAction(projectId: string, milestoneId: string) {
  const actor = await requireActor();
  const result = await runAction(() => deleteMilestone(actor, { milestoneId }));
  refresh(projectId);
  return result;
}
