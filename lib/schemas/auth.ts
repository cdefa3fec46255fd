// Inputs of sign-in, first-run setup and accepting an invitation: one schema
// each, used by the form (client-side hints) and the server action alike.
import { z } from "zod";
import { plainString, timeZoneField } from "./fields";

export const emailField = plainString()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const newPasswordField = plainString()
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");

export const personNameField = plainString().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");
export const teamNameField = plainString().trim().min(2, "Use at least 2 characters.").max(80, "Use at most 80 characters.");

export const signInInput = z.object({
  email: emailField,
  password: plainString().min(1, "Enter your password.").max(128, "Use at most 128 characters."),
});

export const setupInput = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  teamName: teamNameField,
  // The first team's time zone: the browser's (setup page) or the machine's (CLI).
  timeZone: timeZoneField.optional(),
});

// With Clerk the person is already signed in; setup only names the team.
export const clerkSetupInput = z.object({ teamName: teamNameField, timeZone: timeZoneField.optional() });

export const acceptInvitationSignUpInput = z.object({
  token: plainString().min(20).max(200),
  name: personNameField,
  password: newPasswordField,
});
