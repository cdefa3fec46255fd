import { describe, expect, it } from "vitest";
import { mirroredUserFromClerk } from "@/lib/server/identity/clerk-user";

const base = {
  id: "user_2abc",
  primaryEmailAddressId: "idn_2",
  emailAddresses: [
    { id: "idn_1", emailAddress: "old@example.com" },
    { id: "idn_2", emailAddress: "Ada.Lovelace@Example.com" },
  ],
};

describe("mirroring a Clerk user", () => {
  it("uses the primary address, normalised, and the full name", () => {
    expect(mirroredUserFromClerk({ ...base, fullName: "Ada Lovelace", imageUrl: "https://img.clerk.com/a" })).toEqual({
      clerkId: "user_2abc",
      email: "ada.lovelace@example.com",
      name: "Ada Lovelace",
      image: "https://img.clerk.com/a",
    });
  });

  it("falls back to first and last name, then username, then the address", () => {
    expect(mirroredUserFromClerk({ ...base, firstName: "Ada", lastName: null }).name).toBe("Ada");
    expect(mirroredUserFromClerk({ ...base, username: "ada" }).name).toBe("ada");
    expect(mirroredUserFromClerk(base).name).toBe("ada.lovelace");
  });

  it("takes the first address when no primary is marked, and refuses a user without one", () => {
    expect(mirroredUserFromClerk({ ...base, primaryEmailAddressId: null }).email).toBe("old@example.com");
    expect(() => mirroredUserFromClerk({ ...base, emailAddresses: [] })).toThrow(/no email address/);
  });
});
