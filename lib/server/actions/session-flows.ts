import "server-only";
import { headers } from "next/headers";
import { safeNextPath } from "@/lib/domain/next-path";
import { acceptInvitationSignUpInput, clerkSetupInput, setupInput, signInInput } from "@/lib/schemas/auth";
import { switchTeamInput } from "@/lib/schemas/team";
import { clientAddress } from "@/lib/server/access/client-address";
import { selectTeam } from "@/lib/server/access/team-cookie";
import { signInWithPassword, signOutBuiltIn, signUpWithPassword } from "@/lib/server/identity/built-in-session";
import { currentIdentity, type Identity } from "@/lib/server/identity/identity";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "@/lib/server/identity/sign-in-throttle";
import { config } from "@/lib/server/kernel/config";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { plainHttpSignInProblem, reachedOverHttps } from "@/lib/server/kernel/secure-transport";
import { changeOwnPassword, requestPasswordResetMail, resetPasswordWithToken, signOutOtherSessions } from "@/lib/server/identity/passwords";
import { deleteAccount } from "@/lib/server/services/account-deletion";
import { acceptInvitation, previewInvitation } from "@/lib/server/services/invitations";
import { claimInstallation, releaseInstallation } from "@/lib/server/services/setup";
import { createTeam, teamsOf } from "@/lib/server/services/teams";

// The steps of signing in, setting up, joining, switching teams and leaving.
// Each holds the session (the sign-in cookie, the team cookie) as well as
// calling services, which only an adapter may do; the actions in auth.ts,
// team.ts and account.ts call one each.

async function signedIn(): Promise<Identity> {
  const identity = await currentIdentity();
  if (!identity) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return identity;
}

/**
 * First-run setup: the first account and its team. Built-in mode creates the
 * account (and releases the installation's claim when that fails); with Clerk
 * the person is already signed in and names the team.
 */
export async function setUp(form: FormData): Promise<void> {
  if (config().clerkEnabled) {
    const identity = await signedIn();
    const { teamName, timeZone } = parseInput(clerkSetupInput, { teamName: form.get("teamName"), timeZone: form.get("timeZone") ?? undefined });
    await claimInstallation(identity.email);
    await createTeam(identity, { name: teamName, timeZone });
    return;
  }
  const input = parseInput(setupInput, Object.fromEntries(form));
  await claimInstallation(input.email);
  let identity: Identity;
  try {
    identity = await signUpWithPassword({ name: input.name, email: input.email, password: input.password });
  } catch (error) {
    await releaseInstallation(input.email);
    throw error;
  }
  await createTeam(identity, { name: input.teamName, timeZone: input.timeZone });
}

/** Signs in with e-mail and password, throttled per account and address; returns where to go next. */
export async function signIn(form: FormData): Promise<{ next: string }> {
  const input = parseInput(signInInput, Object.fromEntries(form));
  const requestHeaders = await headers();
  // Rather than a sign-in that silently does not stick.
  const problem = plainHttpSignInProblem(reachedOverHttps(requestHeaders), requestHeaders.get("origin"), config().APP_URL);
  if (problem) throw new AppError("VALIDATION", problem, { _form: [problem] });
  const address = clientAddress(requestHeaders);
  await assertSignInAllowed(input.email, address);
  if (!(await signInWithPassword(input))) {
    await recordFailedSignIn(input.email, address);
    throw new AppError("VALIDATION", "That email and password do not match an account.", { _form: ["That email and password do not match an account."] });
  }
  await clearFailedSignIns(input.email);
  return { next: safeNextPath(form.get("next")) };
}

/** An invited person without an account creates one for the invited address and joins in the same step. */
export async function joinWithNewAccount(form: FormData): Promise<void> {
  const input = parseInput(acceptInvitationSignUpInput, Object.fromEntries(form));
  const invitation = await previewInvitation(input.token);
  if (!invitation || invitation.status !== "pending") throw new AppError("CONFLICT", "This invitation is no longer valid. Ask for a new one.");
  const identity = await signUpWithPassword({ name: input.name, email: invitation.email, password: input.password });
  await acceptInvitation(identity, input.token);
}

/** The signed-in person accepts an invitation and works in that team from now on. */
export async function joinAsMember(token: string): Promise<void> {
  const { teamId } = await acceptInvitation(await signedIn(), token);
  await selectTeam(teamId);
}

/** Works in another of the person's teams from now on. Errors: FORBIDDEN for a team they are not in. */
export async function switchToTeam(identity: Identity, teamId: string): Promise<void> {
  const input = parseInput(switchTeamInput, { teamId });
  const teams = await teamsOf(identity.userId);
  if (!teams.some((team) => team.teamId === input.teamId)) throw new AppError("FORBIDDEN", "You are not a member of that team.");
  await selectTeam(input.teamId);
}

/** Creates a team with the person as its admin, and works in it from now on. */
export async function createTeamAndSwitch(identity: Identity, form: FormData): Promise<void> {
  const { teamId } = await createTeam(identity, { name: form.get("name"), timeZone: form.get("timeZone") ?? undefined });
  await selectTeam(teamId);
}

/**
 * Deletes the person's account; the form names each team's successor
 * `successor:<teamId>` ("none", or nothing, leaves that team's items
 * unassigned). Built-in sessions went with the account and the cookie is
 * cleared here; with Clerk the browser ends the Clerk session (`signOutWithClerk`).
 */
export async function deleteAccountAndSignOut(identity: Identity, form: FormData): Promise<{ signOutWithClerk: boolean }> {
  const successors: Record<string, string | null> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("successor:") && typeof value === "string") successors[name.slice("successor:".length)] = value === "none" ? null : value;
  }
  await deleteAccount(identity, { confirmEmail: form.get("confirmEmail"), successors });
  if (config().clerkEnabled) return { signOutWithClerk: true };
  await signOutBuiltIn();
  return { signOutWithClerk: false };
}

/** Changes the signed-in person's password (account page); the session's cookie is renewed when the others are ended. */
export async function changePasswordHere(identity: Identity, form: FormData): Promise<void> {
  const requestHeaders = await headers();
  await changeOwnPassword(identity, Object.fromEntries(form), { headers: requestHeaders, clientAddress: clientAddress(requestHeaders) });
}

/** Ends every other session of the signed-in person. */
export async function signOutElsewhere(identity: Identity): Promise<void> {
  await signOutOtherSessions(identity, await headers());
}

/** "Forgot password?": the same answer whether or not the address has an account. */
export async function askForResetMail(form: FormData): Promise<void> {
  await requestPasswordResetMail({ email: form.get("email") }, { clientAddress: clientAddress(await headers()) });
}

/** Sets a new password with a reset link, then signs this browser out too (the account's sessions are gone). */
export async function resetPassword(form: FormData): Promise<void> {
  await resetPasswordWithToken(Object.fromEntries(form));
}
