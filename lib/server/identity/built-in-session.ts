import "server-only";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { AppError } from "@/lib/server/kernel/errors";
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import type { Identity } from "@/lib/server/identity/identity";

// Creates a built-in account and signs it in (sets the session cookie).
export async function signUpWithPassword(input: { name: string; email: string; password: string }): Promise<Identity> {
  try {
    const result = await builtInAuth().api.signUpEmail({ body: input, headers: await headers() });
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
    await builtInAuth().api.signInEmail({ body: input, headers: await headers() });
    return true;
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.status === "UNAUTHORIZED")) return false;
    throw error;
  }
}

export async function signOutBuiltIn(): Promise<void> {
  await builtInAuth().api.signOut({ headers: await headers() });
}
