"use server";

import { revalidatePath } from "next/cache";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { requireActor } from "@/lib/server/access/current-actor";
import { inviteMember, revokeInvitation } from "@/lib/server/services/invitations";
import { changeMemberRole, removeMember } from "@/lib/server/services/members";

export type InviteState = ActionResult<{ link: string; email: string; emailed: boolean }> & { values?: Record<string, string> };

export async function inviteAction(_: InviteState | null, form: FormData): Promise<InviteState> {
  const actor = await requireActor();
  const result = await runAction(async () => {
    const { invitation, link, emailed } = await inviteMember(actor, { email: form.get("email"), role: form.get("role") });
    return { link, email: invitation.email, emailed };
  });
  if (result.ok) revalidatePath("/members");
  return { ...result, values: formValues(form, ["email", "role"]) };
}

export async function changeRoleAction(membershipId: string, role: string) {
  const actor = await requireActor();
  const result = await runAction(async () => {
    await changeMemberRole(actor, { membershipId, role });
    return undefined;
  });
  revalidatePath("/members");
  return result;
}

// successorId: who takes over the member's open items; null leaves them unassigned.
export async function removeMemberAction(membershipId: string, successorId: string | null) {
  const actor = await requireActor();
  const result = await runAction(() => removeMember(actor, { membershipId, successorId }));
  revalidatePath("/members");
  return result;
}

export async function revokeInvitationAction(invitationId: string) {
  const actor = await requireActor();
  const result = await runAction(() => revokeInvitation(actor, { invitationId }));
  revalidatePath("/members");
  return result;
}
