"use server";

// Server actions of the team's members and invitations (the members page).
import { inviteMember, reissueInvitation, revokeInvitation } from "@/lib/server/services/invitations";
import { createPasswordResetLink } from "@/lib/server/services/password-resets";
import { changeMemberRole, removeMember } from "@/lib/server/services/members";
import { defineAction } from "./define-action";
import { everyProjectPage } from "./pages";

const MEMBERS = ["/members"];

// The invitation link is shown once, here.
export const inviteAction = defineAction({
  form: { keep: ["email", "role"] },
  run: async (actor, form) => {
    const { invitation, link, emailed } = await inviteMember(actor, { email: form.get("email"), role: form.get("role") });
    return { link, email: invitation.email, emailed };
  },
  revalidate: () => MEMBERS,
});

export const changeRoleAction = defineAction({
  run: (actor, membershipId: string, role: string) => changeMemberRole(actor, { membershipId, role }),
  revalidate: () => MEMBERS,
});

// successorId: who takes over the member's open items, in every project; null leaves them unassigned.
export const removeMemberAction = defineAction({
  run: (actor, membershipId: string, successorId: string | null) => removeMember(actor, { membershipId, successorId }),
  revalidate: () => [...MEMBERS, ...everyProjectPage],
});

export const revokeInvitationAction = defineAction({
  run: (actor, invitationId: string) => revokeInvitation(actor, { invitationId }),
  revalidate: () => MEMBERS,
});

// The new invitation link is shown once, here; the old one no longer works.
export const reissueInvitationAction = defineAction({
  run: async (actor, invitationId: string) => {
    const { invitation, link, emailed } = await reissueInvitation(actor, { invitationId });
    return { link, email: invitation.email, emailed };
  },
  revalidate: () => MEMBERS,
});

// The reset link is shown once, here, for the admin to hand over.
export const createPasswordResetLinkAction = defineAction({
  run: (actor, membershipId: string) => createPasswordResetLink(actor, { membershipId }),
});
