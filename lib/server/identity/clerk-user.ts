// Maps a Clerk user (as returned by Clerk's currentUser()) to the fields
// Shipshape mirrors into its own User table. Pure, so it is unit-tested.
import { normaliseEmail } from "@/lib/domain/invitations";

export type ClerkUserLike = {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  username?: string | null;
  imageUrl?: string | null;
  primaryEmailAddressId?: string | null;
  emailAddresses: { id: string; emailAddress: string }[];
};

export type MirroredUser = { clerkId: string; email: string; name: string; image: string | null };

export function mirroredUserFromClerk(user: ClerkUserLike): MirroredUser {
  const primary =
    user.emailAddresses.find((address) => address.id === user.primaryEmailAddressId) ?? user.emailAddresses[0];
  if (!primary) throw new Error(`Clerk user ${user.id} has no email address`);
  const email = normaliseEmail(primary.emailAddress);
  const name =
    user.fullName?.trim() ||
    [user.firstName, user.lastName].filter(Boolean).join(" ").trim() ||
    user.username?.trim() ||
    email.split("@")[0];
  return { clerkId: user.id, email, name, image: user.imageUrl ?? null };
}
