"use server";

// Deleting one's own account (the account page).
import { defineAction } from "./define-action";
import { deleteAccountAndSignOut } from "./session-flows";

export const deleteAccountAction = defineAction({
  as: "person",
  form: { keep: ["confirmEmail"] },
  run: (identity, form) => deleteAccountAndSignOut(identity, form),
  // With Clerk the form signs the browser out and goes on from there.
  redirect: ({ signOutWithClerk }) => (signOutWithClerk ? null : "/sign-in?accountDeleted=1"),
});
