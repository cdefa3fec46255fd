"use server";

// Server actions of signing in, first-run setup and accepting invitations
// (session-flows.ts holds their steps).
import { signOutBuiltIn } from "@/lib/server/identity/built-in-session";
import { defineAction } from "./define-action";
import { askForResetMail, joinAsMember, joinWithNewAccount, resetPassword, setUp, signIn as signInWithForm } from "./session-flows";

export const completeSetup = defineAction({
  as: "anyone",
  form: { keep: ["name", "email", "teamName", "timeZone"] },
  run: (_, form) => setUp(form),
  redirect: () => "/",
});

export const signIn = defineAction({
  as: "anyone",
  form: { keep: ["email"] },
  run: (_, form) => signInWithForm(form),
  redirect: ({ next }) => next,
});

export const signOut = defineAction({
  as: "anyone",
  run: () => signOutBuiltIn(),
  redirect: () => "/sign-in",
});

export const acceptInvitationWithNewAccount = defineAction({
  as: "anyone",
  form: { keep: ["name"] },
  run: (_, form) => joinWithNewAccount(form),
  redirect: () => "/",
});

export const acceptInvitationAsMember = defineAction({
  as: "anyone",
  form: { keep: [] },
  run: (_, form) => joinAsMember(String(form.get("token") ?? "")),
  redirect: () => "/",
});

export const forgotPasswordAction = defineAction({
  as: "anyone",
  form: { keep: ["email"] },
  run: (_, form) => askForResetMail(form),
});

export const resetPasswordAction = defineAction({
  as: "anyone",
  form: { keep: [] },
  run: (_, form) => resetPassword(form),
  redirect: () => "/sign-in?passwordReset=1",
});
