"use server";

import { headers } from "next/headers";
import { selectTeam } from "@/lib/server/access/team-cookie";
import { redirect } from "next/navigation";
import { acceptInvitationSignUpInput, clerkSetupInput, setupInput, signInInput } from "@/lib/schemas/auth";
import { formValues, runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { signInWithPassword, signOutBuiltIn, signUpWithPassword } from "@/lib/server/identity/built-in-session";
import { currentIdentity } from "@/lib/server/identity/identity";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "@/lib/server/identity/sign-in-throttle";
import { clientAddress } from "@/lib/server/access/client-address";
import { config } from "@/lib/server/kernel/config";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { acceptInvitation, previewInvitation } from "@/lib/server/services/invitations";
import { claimInstallation, releaseInstallation } from "@/lib/server/services/setup";
import { createTeam } from "@/lib/server/services/teams";
import { safeNextPath } from "@/lib/domain/next-path";

export type FormState = ActionResult<undefined> & { values?: Record<string, string> };

// First-run setup: the first account and its team. Built-in mode creates the
// account here; with Clerk the person is already signed in and names the team.
export async function completeSetup(_: FormState | null, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    if (config().clerkEnabled) {
      const identity = await currentIdentity();
      if (!identity) throw new AppError("UNAUTHENTICATED", "Sign in first.");
      const { teamName, timeZone } = parseInput(clerkSetupInput, { teamName: form.get("teamName"), timeZone: form.get("timeZone") ?? undefined });
      await claimInstallation(identity.email);
      await createTeam(identity, { name: teamName, timeZone });
      return undefined;
    }
    const input = parseInput(setupInput, Object.fromEntries(form));
    await claimInstallation(input.email);
    let identity;
    try {
      identity = await signUpWithPassword({ name: input.name, email: input.email, password: input.password });
    } catch (error) {
      await releaseInstallation(input.email);
      throw error;
    }
    await createTeam(identity, { name: input.teamName, timeZone: input.timeZone });
    return undefined;
  });
  if (result.ok) redirect("/");
  return { ...result, values: formValues(form, ["name", "email", "teamName", "timeZone"]) };
}

export async function signIn(_: FormState | null, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    const input = parseInput(signInInput, Object.fromEntries(form));
    const address = clientAddress(await headers());
    await assertSignInAllowed(input.email, address);
    if (!(await signInWithPassword(input))) {
      await recordFailedSignIn(input.email, address);
      throw new AppError("VALIDATION", "That email and password do not match an account.", {
        _form: ["That email and password do not match an account."],
      });
    }
    await clearFailedSignIns(input.email);
    return undefined;
  });
  if (result.ok) redirect(safeNextPath(form.get("next")));
  return { ...result, values: formValues(form, ["email"]) };
}

export async function signOut(): Promise<void> {
  await signOutBuiltIn();
  redirect("/sign-in");
}

// An invited person without an account creates one for the invited address
// and joins the team in the same step.
export async function acceptInvitationWithNewAccount(_: FormState | null, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    const input = parseInput(acceptInvitationSignUpInput, Object.fromEntries(form));
    const invitation = await previewInvitation(input.token);
    if (!invitation || invitation.status !== "pending") throw new AppError("CONFLICT", "This invitation is no longer valid. Ask for a new one.");
    const identity = await signUpWithPassword({ name: input.name, email: invitation.email, password: input.password });
    await acceptInvitation(identity, input.token);
    return undefined;
  });
  if (result.ok) redirect("/");
  return { ...result, values: formValues(form, ["name"]) };
}

export async function acceptInvitationAsMember(_: FormState | null, form: FormData): Promise<FormState> {
  let teamId: string | undefined;
  const result = await runAction(async () => {
    const identity = await currentIdentity();
    if (!identity) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    ({ teamId } = await acceptInvitation(identity, String(form.get("token") ?? "")));
    return undefined;
  });
  if (result.ok && teamId) {
    await selectTeam(teamId);
    redirect("/");
  }
  return result;
}
