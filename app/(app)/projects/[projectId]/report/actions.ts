"use server";

import { revalidatePath } from "next/cache";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { requireActor } from "@/lib/server/access/current-actor";
import { createShareLink, revokeShareLink } from "@/lib/server/services/share-links";

export type ShareLinkState = ActionResult<{ url: string; badgeUrl: string }> & { values?: Record<string, string> };

export async function createShareLinkAction(_: ShareLinkState | null, form: FormData): Promise<ShareLinkState> {
  const actor = await requireActor();
  const projectId = String(form.get("projectId") ?? "");
  const result = await runAction(async () => {
    const { url, badgeUrl } = await createShareLink(actor, { projectId, expiresInDays: form.get("expiresInDays") });
    return { url, badgeUrl };
  });
  if (result.ok) revalidatePath(`/projects/${projectId}/report`);
  return { ...result, values: formValues(form, ["expiresInDays"]) };
}

export async function revokeShareLinkAction(projectId: string, shareLinkId: string) {
  const actor = await requireActor();
  const result = await runAction(() => revokeShareLink(actor, { shareLinkId }));
  revalidatePath(`/projects/${projectId}/report`);
  return result;
}
