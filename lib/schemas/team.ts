import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { emailField, teamNameField } from "./auth";
import { optionalId } from "./fields";

export const roleField = z.enum(ROLES, { error: "Choose a role." });

export const createTeamInput = z.object({ name: teamNameField });
export const renameTeamInput = z.object({ name: teamNameField });
export const inviteMemberInput = z.object({ email: emailField, role: roleField });
export const changeRoleInput = z.object({ membershipId: z.string().min(1), role: roleField });
// successorId: the member who takes over the removed person's open items;
// null (or absent) leaves them unassigned.
export const removeMemberInput = z.object({ membershipId: z.string().min(1), successorId: optionalId });
export const revokeInvitationInput = z.object({ invitationId: z.string().min(1) });
export const switchTeamInput = z.object({ teamId: z.string().min(1) });
