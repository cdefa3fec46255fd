import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { emailField, teamNameField } from "./auth";
import { id, optionalId, timeZoneField } from "./fields";

const roleField = z.enum(ROLES, { error: "Choose a role." });

// The time zone comes from the creator's browser (or the CLI's machine); UTC when none is sent.
export const createTeamInput = z.object({ name: teamNameField, timeZone: timeZoneField.optional() });
export const renameTeamInput = z.object({ name: teamNameField });
export const setTeamTimeZoneInput = z.object({ timeZone: timeZoneField });
export const inviteMemberInput = z.object({ email: emailField, role: roleField });
export const changeRoleInput = z.object({ membershipId: id, role: roleField });
// successorId: the member who takes over the removed person's open items;
// null (or absent) leaves them unassigned.
export const removeMemberInput = z.object({ membershipId: id, successorId: optionalId });
export const revokeInvitationInput = z.object({ invitationId: id });
export const switchTeamInput = z.object({ teamId: id });
export const reissueInvitationInput = z.object({ invitationId: id });
