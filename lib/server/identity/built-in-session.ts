import "server-only";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { AppError } from "@/lib/server/kernel/errors";
import { reachedOverHttps } from "@/lib/server/kernel/secure-transport";
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import { currentIdentity, type Identity } from "@/lib/server/identity/identity";
import { forgetIdentitiesOf } from "@/lib/server/identity/session-cache";

async function auth() {
  const requestHeaders = await headers();
  return { api: builtInAuth(reachedOverHttps(requestHeaders)).api, headers: requestHeaders };
}

// Creates a built-in account and signs it in (sets the session cookie).
export async function signUpWithPassword(input: { name: string; email: string; password: string }): Promise<Identity> {
  try {
    const { api, headers: requestHeaders } = await auth();
    const result = await api.signUpEmail({ body: input, headers: requestHeaders });
    return { userId: result.user.id, name: result.user.name, email: result.user.email };
  } catch (error) {
    if (error instanceof APIError) {
      const message = error.body?.message ?? "The account could not be created.";
      if (/already exists/i.test(message)) {
        throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { email: ["An account with this email already exists."] });
      }
      throw new AppError("VALIDATION", message, { _form: [message] });
    }
    throw error;
  }
}

// Returns false for a wrong email or password; throws on anything else.
export async function signInWithPassword(input: { email: string; password: string }): Promise<boolean> {
  try {
    const { api, headers: requestHeaders } = await auth();
    await api.signInEmail({ body: input, headers: requestHeaders });
    return true;
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.status === "UNAUTHORIZED")) return false;
    throw error;
  }
}

// Ends the session and forgets this process's cached look-ups of the person's
// sessions, so that the signed-out cookie stops working at once here.
export async function signOutBuiltIn(): Promise<void> {
  const identity = await currentIdentity();
  const { api, headers: requestHeaders } = await auth();
  await api.signOut({ headers: requestHeaders });
  if (identity) forgetIdentitiesOf(identity.userId);
}
