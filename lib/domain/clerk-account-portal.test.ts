import { describe, expect, it } from "vitest";
import { clerkAccountPortal } from "./clerk-account-portal";

const key = (kind: "test" | "live", host: string) => `pk_${kind}_${btoa(`${host}$`)}`;

describe("Clerk's Account Portal", () => {
  it("is found from a production or development instance's key, and from nothing else", () => {
    expect(clerkAccountPortal(key("live", "clerk.example.com"))).toBe("https://accounts.example.com/user");
    expect(clerkAccountPortal(key("test", "happy-fox-12.clerk.accounts.dev"))).toBe("https://happy-fox-12.accounts.dev/user");
    expect(clerkAccountPortal(key("live", "auth.example.com"))).toBeUndefined();
    expect(clerkAccountPortal(key("live", "evil.com/x?"))).toBeUndefined();
    expect(clerkAccountPortal("pk_live_%%%")).toBeUndefined();
    expect(clerkAccountPortal(undefined)).toBeUndefined();
  });
});
