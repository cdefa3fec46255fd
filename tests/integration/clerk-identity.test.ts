import { describe, expect, it } from "vitest";
import { clerkIdentity, type ClerkHelpers } from "@/lib/server/identity/clerk-identity";
import { db } from "@/lib/server/kernel/db";
import { person } from "../support/fixtures";

// Clerk's server helpers (auth, currentUser) substituted: everything below
// the network runs for real, including the mirroring into PostgreSQL.
function clerk(session: { userId: string | null }, user: Parameters<ClerkHelpers["currentUser"]> extends [] ? Awaited<ReturnType<ClerkHelpers["currentUser"]>> : never) {
  let lookups = 0;
  const helpers: ClerkHelpers = {
    auth: async () => session,
    currentUser: async () => {
      lookups += 1;
      return user;
    },
  };
  return { helpers, lookups: () => lookups };
}

describe("identity from Clerk", () => {
  it("is nobody without a Clerk session", async () => {
    expect(await clerkIdentity(clerk({ userId: null }, null).helpers)).toBeNull();
  });

  it("mirrors a Clerk user on first sight and finds it by Clerk id afterwards", async () => {
    const clerkId = `user_${Date.now()}`;
    const fake = clerk({ userId: clerkId }, {
      id: clerkId, fullName: "Grace Hopper", primaryEmailAddressId: "e1",
      emailAddresses: [{ id: "e1", emailAddress: `grace.${clerkId}@example.com` }],
    });
    const first = await clerkIdentity(fake.helpers);
    expect(first).toMatchObject({ name: "Grace Hopper", email: `grace.${clerkId.toLowerCase()}@example.com` });
    const again = await clerkIdentity(fake.helpers);
    expect(again).toEqual(first);
    expect(fake.lookups()).toBe(1);
    expect(await db.user.count({ where: { clerkId } })).toBe(1);
  });

  it("links a Clerk user to an existing Shipshape user with the same address", async () => {
    const existing = await person("Linked");
    const clerkId = `user_link_${Date.now()}`;
    const identity = await clerkIdentity(clerk({ userId: clerkId }, {
      id: clerkId, emailAddresses: [{ id: "e", emailAddress: existing.email.toUpperCase() }],
    }).helpers);
    expect(identity?.userId).toBe(existing.userId);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.userId } })).clerkId).toBe(clerkId);
  });
});
