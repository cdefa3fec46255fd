// The account page (name, password, deleting the account) and resetting a
// forgotten password: one schema each, shared by the form and the server action.
import { z } from "zod";
import { emailField, newPasswordField, personNameField } from "./auth";
import { id, optionalId, plainString } from "./fields";

// "Delete my account": the person types their e-mail address to confirm, and
// names, for each of their teams (by team id), the member who takes over their
// open items; blank or null leaves them unassigned.
export const deleteAccountInput = z.object({
  confirmEmail: plainString({ error: "Type your e-mail address to confirm." })
    .trim()
    .min(1, "Type your e-mail address to confirm.")
    .max(254, "Use at most 254 characters."),
  successors: z.record(id, optionalId).default({}),
});

// A checkbox sends "on" when ticked and nothing otherwise.
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(input: T, ctx: z.RefinementCtx) => {
  if (input.newPassword !== input.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords differ." });
};

export const profileNameInput = z.object({ name: personNameField });

export const changePasswordInput = z
  .object({
    currentPassword: plainString().min(1, "Enter your current password.").max(128, "Use at most 128 characters."),
    newPassword: newPasswordField,
    confirmPassword: plainString().max(128, "Use at most 128 characters."),
    signOutOthers: checkbox,
  })
  .superRefine(confirmed);

export const forgotPasswordInput = z.object({ email: emailField });

// Reset tokens are better-auth's (24 characters) or Shipshape's own (43).
export const resetPasswordInput = z
  .object({
    token: plainString().min(20, "This link is not valid.").max(200, "This link is not valid."),
    newPassword: newPasswordField,
    confirmPassword: plainString().max(128, "Use at most 128 characters."),
  })
  .superRefine(confirmed);

export const passwordResetLinkInput = z.object({ membershipId: id });
