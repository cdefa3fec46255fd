import "server-only";
import { db } from "@/lib/server/kernel/db";
import { mirroredUserFromClerk, type ClerkUserLike } from "@/lib/server/identity/clerk-user";
import type { Identity } from "@/lib/server/identity/identity";

export type ClerkHelpers = {
  auth: () => Promise<{ userId: string | null }>;
  currentUser: () => Promise<ClerkUserLike | null>;
};

async function clerkServerHelpers(): Promise<ClerkHelpers> {
  const { auth, currentUser } = await import("@clerk/nextjs/server");
  return { auth, currentUser };
}

// Resolves the Clerk session to a Shipshape user, mirroring the Clerk user
// into the User table on first sight (linking by email to an existing user,
// e.g. one who was invited before Clerk was turned on).
export async function clerkIdentity(helpers?: ClerkHelpers): Promise<Identity | null> {
  const clerk = helpers ?? (await clerkServerHelpers());
  const { userId: clerkId } = await clerk.auth();
  if (!clerkId) return null;

  const known = await db.user.findUnique({ where: { clerkId }, select: { id: true, name: true, email: true } });
  if (known) return { userId: known.id, name: known.name, email: known.email };

  const clerkUser = await clerk.currentUser();
  if (!clerkUser) return null;
  const mirrored = mirroredUserFromClerk(clerkUser);
  const user = await db.user.upsert({
    where: { email: mirrored.email },
    update: { clerkId: mirrored.clerkId },
    create: { ...mirrored, emailVerified: true },
    select: { id: true, name: true, email: true },
  });
  return { userId: user.id, name: user.name, email: user.email };
}
