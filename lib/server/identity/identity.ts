import "server-only";
import { headers } from "next/headers";
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
  const session = await builtInAuth(reachedOverHttps(requestHeaders)).api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { userId: session.user.id, name: session.user.name, email: session.user.email };
});
