import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { config } from "@/lib/server/kernel/config";
import { builtInAuth } from "@/lib/server/identity/built-in-auth";
import { reachedOverHttps } from "@/lib/server/kernel/secure-transport";

// Who is signed in, whatever the provider. The rest of Shipshape never asks
// which provider produced it.
export type Identity = { userId: string; name: string; email: string };

export const currentIdentity = cache(async (): Promise<Identity | null> => {
  if (config().clerkEnabled) {
    const { clerkIdentity } = await import("@/lib/server/identity/clerk-identity");
    return clerkIdentity();
  }
  const requestHeaders = await headers();
  // The cookies as this request now has them: a server action that renewed
  // the session (a password change that ended the others) re-renders the
  // page with the new cookie, which the raw request header does not carry.
  const current = new Headers(requestHeaders);
  const jar = (await cookies()).getAll();
  if (jar.length > 0) current.set("cookie", jar.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
  const session = await builtInAuth(reachedOverHttps(requestHeaders)).api.getSession({ headers: current });
  if (!session) return null;
  return { userId: session.user.id, name: session.user.name, email: session.user.email };
});
