import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { config } from "@/lib/server/kernel/config";
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import { cachedIdentity, rememberIdentity } from "@/lib/server/identity/session-cache";
import { reachedOverHttps } from "@/lib/server/kernel/secure-transport";

// Who is signed in, whatever the provider. The rest of Shipshape never asks
// which provider produced it.
export type Identity = { userId: string; name: string; email: string };

export const currentIdentity = cache(async (): Promise<Identity | null> => {
  if (config().clerkEnabled) {
    const { clerkIdentity } = await import("@/lib/server/identity/clerk-identity");
    return clerkIdentity();
  }
  return builtInIdentity();
});

// A built-in session found valid is taken as valid for up to a minute
// without asking the database again (session-cache.ts and
// docs/adr/0037-session-look-up-cache.md); roles are never cached.
async function builtInIdentity(): Promise<Identity | null> {
  const requestHeaders = await headers();
  const auth = builtInAuth(reachedOverHttps(requestHeaders));
  const cookieName = (await auth.$context).authCookies.sessionToken.name;
  const cookie = (await cookies()).get(cookieName)?.value;
  // Without the session cookie there is no session (better-auth would answer the same).
  if (!cookie) return null;
  const key = `${cookieName}=${cookie}`;
  const cached = cachedIdentity(key);
  if (cached) return cached;
  // The cookies as this request now has them: a server action that renewed
  // the session (a password change that ended the others) re-renders the
  // page with the new cookie, which the raw request header does not carry.
  const current = new Headers(requestHeaders);
  const jar = (await cookies()).getAll();
  if (jar.length > 0) current.set("cookie", jar.map((entry) => `${entry.name}=${encodeURIComponent(entry.value)}`).join("; "));
  const session = await auth.api.getSession({ headers: current });
  if (!session) return null;
  const identity = { userId: session.user.id, name: session.user.name, email: session.user.email };
  rememberIdentity(key, identity, new Date(session.session.expiresAt));
  return identity;
}
