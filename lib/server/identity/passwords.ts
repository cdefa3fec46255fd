import "server-only";
import { APIError } from "better-auth/api";
import { changePasswordInput, forgotPasswordInput, resetPasswordInput } from "@/lib/schemas/account";
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import type { Identity } from "@/lib/server/identity/identity";
import { forgetIdentitiesOf } from "@/lib/server/identity/session-cache";
import { countResetRequest } from "@/lib/server/identity/reset-throttle";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "@/lib/server/identity/sign-in-throttle";
import { config } from "@/lib/server/kernel/config";
import { AppError, parseInput } from "@/lib/server/kernel/errors";
import { reachedOverHttps } from "@/lib/server/kernel/secure-transport";

// Built-in passwords: changing one's own, ending one's other sessions, and
// resetting a forgotten one with a one-time link. Each takes the request's
// headers (the session cookie lives there) so that the server actions and
// the tests call the same code. With Clerk, passwords are Clerk's.

const CLERK_OWNS_PASSWORDS = "Passwords are managed by your organisation's sign-in provider; change yours there.";

function builtInOnly(): void {
  if (config().clerkEnabled) throw new AppError("CONFLICT", CLERK_OWNS_PASSWORDS, { _form: [CLERK_OWNS_PASSWORDS] });
}

const api = (requestHeaders: Headers) => builtInAuth(reachedOverHttps(requestHeaders)).api;
const codeOf = (error: unknown) => (error instanceof APIError ? (error.body as { code?: string } | undefined)?.code : undefined);

/**
 * Changes the signed-in person's password. The current password is checked
 * and throttled like a sign-in (a wrong one counts as a failed sign-in);
 * `signOutOthers` ends every other session (this one gets a fresh cookie).
 * Errors: VALIDATION with field errors (currentPassword, newPassword,
 * confirmPassword); RATE_LIMITED; CONFLICT with Clerk.
 */
export async function changeOwnPassword(identity: Identity, input: unknown, request: { headers: Headers; clientAddress: string }): Promise<void> {
  builtInOnly();
  const { currentPassword, newPassword, signOutOthers } = parseInput(changePasswordInput, input);
  await assertSignInAllowed(identity.email, request.clientAddress);
  try {
    await api(request.headers).changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: signOutOthers }, headers: request.headers });
  } catch (error) {
    if (codeOf(error) === "INVALID_PASSWORD") {
      await recordFailedSignIn(identity.email, request.clientAddress);
      throw new AppError("VALIDATION", "That is not your current password.", { currentPassword: ["That is not your current password."] });
    }
    if (error instanceof APIError && (error.statusCode === 401 || error.status === "UNAUTHORIZED")) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    throw error;
  }
  // Sessions this process vouched for must not outlive the ones just ended
  // (the look-up cache otherwise keeps them for up to a minute).
  if (signOutOthers) forgetIdentitiesOf(identity.userId);
  await clearFailedSignIns(identity.email);
}

/** Ends every session of the signed-in person except this one. Errors: UNAUTHENTICATED; CONFLICT with Clerk. */
export async function signOutOtherSessions(identity: Identity, requestHeaders: Headers): Promise<void> {
  builtInOnly();
  try {
    await api(requestHeaders).revokeOtherSessions({ headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.status === "UNAUTHORIZED")) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    throw error;
  }
  forgetIdentitiesOf(identity.userId);
}

/**
 * "Forgot password?": e-mails a one-hour, one-time link when the address has
 * an account, and answers the same when it has none (nothing tells them
 * apart). Throttled per address and per client. Errors: VALIDATION (email);
 * RATE_LIMITED; CONFLICT when no mail is configured or with Clerk.
 */
export async function requestPasswordResetMail(input: unknown, request: { clientAddress: string }): Promise<void> {
  builtInOnly();
  const { email } = parseInput(forgotPasswordInput, input);
  if (!config().mailEnabled) {
    throw new AppError("CONFLICT", "This installation sends no e-mail. Ask an admin of your team for a reset link.");
  }
  await countResetRequest(email, request.clientAddress);
  await builtInAuth(false).api.requestPasswordReset({ body: { email } });
}

/**
 * Sets a new password with a reset link's token (e-mailed, or created by an
 * admin) and ends every session of the account; the token is used up.
 * Errors: VALIDATION (newPassword, confirmPassword); CONFLICT for a used,
 * expired or unknown link.
 */
export async function resetPasswordWithToken(input: unknown): Promise<void> {
  builtInOnly();
  const { token, newPassword } = parseInput(resetPasswordInput, input);
  try {
    await builtInAuth(false).api.resetPassword({ body: { token, newPassword } });
  } catch (error) {
    if (codeOf(error) === "INVALID_TOKEN" || codeOf(error) === "USER_NOT_FOUND") {
      const message = "This reset link has been used or has expired. Ask for a new one.";
      throw new AppError("CONFLICT", message, { _form: [message] });
    }
    throw error;
  }
}
