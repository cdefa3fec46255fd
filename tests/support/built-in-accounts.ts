// Built-in (better-auth) accounts for integration tests: a member with a real
// scrypt-hashed password, and sign-ins that return the session cookie as a
// browser would send it back.
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import { db } from "@/lib/server/kernel/db";

const auth = () => builtInAuth(false);

/** Gives an existing user a built-in password (their credential account). */
export async function givePassword(userId: string, password: string): Promise<void> {
  const hash = await (await auth().$context).password.hash(password);
  await db.account.create({ data: { accountId: userId, providerId: "credential", userId, password: hash } });
}

/** Signs in and returns request headers carrying the new session's cookie; null for a wrong password. */
export async function signInHeaders(email: string, password: string): Promise<Headers | null> {
  try {
    const { headers } = await auth().api.signInEmail({ body: { email, password }, returnHeaders: true });
    const cookie = headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    return new Headers({ cookie, "x-forwarded-for": "192.0.2.10" });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 401) return null;
    throw error;
  }
}

/** Whether the session behind `headers` is still signed in. */
export async function stillSignedIn(headers: Headers): Promise<boolean> {
  return (await auth().api.getSession({ headers })) !== null;
}
