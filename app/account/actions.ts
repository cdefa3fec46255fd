"use server";

import { redirect } from "next/navigation";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { signOutBuiltIn } from "@/lib/server/identity/built-in-session";
import { requireIdentity } from "@/lib/server/access/current-actor";
import { config } from "@/lib/server/kernel/config";
import { deleteAccount } from "@/lib/server/services/account-deletion";

export type DeleteAccountState = (ActionResult<{ signOutWithClerk: true }> & { values?: Record<string, string> }) | null;

// The form names each team's successor `successor:<teamId>`; "none" (or
// nothing) leaves that team's items unassigned.
export async function deleteAccountAction(_: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const identity = await requireIdentity();
  const successors: Record<string, string | null> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("successor:") && typeof value === "string") successors[name.slice("successor:".length)] = value === "none" ? null : value;
  }
  const result = await runAction(() => deleteAccount(identity, { confirmEmail: form.get("confirmEmail"), successors }));
  if (!result.ok) return { ...result, values: formValues(form, ["confirmEmail"]) };
  // With Clerk the browser ends the Clerk session (see DeleteAccountForm).
  if (config().clerkEnabled) return { ok: true, data: { signOutWithClerk: true } };
  // The sessions went with the account; this clears the cookie.
  await signOutBuiltIn();
  redirect("/sign-in?accountDeleted=1");
}
