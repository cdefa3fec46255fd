import { describe, expect, it } from "vitest";
import { forgetToken, recentToken, rememberToken, type RecentToken } from "./recent-tokens";

const token = (id: string): RecentToken => ({
  id, teamId: "team", timeZone: "UTC", name: "Script", scope: "READ", expiresAt: null, revokedAt: null, lastUsedAt: null,
});

describe("recent API token look-ups", () => {
  it("are kept for a second", () => {
    const now = Date.now();
    rememberToken("hash-kept", token("kept"), now);
    expect(recentToken("hash-kept", now + 500)?.id).toBe("kept");
    expect(recentToken("hash-kept", now + 1500)).toBeUndefined();
  });

  it("are dropped when the token is revoked", () => {
    const now = Date.now();
    rememberToken("hash-revoked", token("revoked"), now);
    forgetToken("revoked");
    expect(recentToken("hash-revoked", now)).toBeUndefined();
  });

  // A request that read the token just before the revocation committed, and
  // finishes after it, must not put the token back as valid: the next
  // request on this instance would then be accepted for up to a second.
  it("are not remembered from a look-up that started before the token was revoked", () => {
    const lookupStarted = Date.now();
    forgetToken("raced");
    rememberToken("hash-raced", token("raced"), lookupStarted);
    expect(recentToken("hash-raced", lookupStarted)).toBeUndefined();
    // A look-up that starts afterwards is remembered as usual.
    const later = Date.now() + 1;
    rememberToken("hash-raced", token("raced"), later);
    expect(recentToken("hash-raced", later)?.id).toBe("raced");
  });
});
