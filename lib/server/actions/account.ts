"use server";

// The account page: one's name, password, other sessions, and deleting the account.
import { renameSelf } from "@/lib/server/services/profile";
import { defineAction } from "./define-action";
import { changePasswordHere, deleteAccountAndSignOut, signOutElsewhere } from "./session-flows";

export const renameSelfAction = defineAction({
  as: "person",
  form: { keep: ["name"] },
  run: (identity, form) => renameSelf(identity, { name: form.get("name") }),
  // The name shows in the shell of every page.
  revalidate: () => [["/", "layout"]],
});

export const changePasswordAction = defineAction({
  as: "person",
  form: { keep: [] },
  run: (identity, form) => changePasswordHere(identity, form),
});

export const signOutOtherSessionsAction = defineAction({
  as: "person",
  form: { keep: [] },
  run: (identity) => signOutElsewhere(identity),
});

export const deleteAccountAction = defineAction({
  as: "person",
  form: { keep: ["confirmEmail"] },
  run: (identity, form) => deleteAccountAndSignOut(identity, form),
  // With Clerk the form signs the browser out and goes on from there.
  redirect: ({ signOutWithClerk }) => (signOutWithClerk ? null : "/sign-in?accountDeleted=1"),
});
