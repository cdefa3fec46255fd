import { describe, expect, it } from "vitest";
import { open, seal, sealingKeyFromEnv, sealingKeyOf, SealingKeyMissing } from "./sealed-secrets";

const key = sealingKeyOf("k".repeat(32));

describe("sealed secrets", () => {
  it("open with the same key and binding, with a new nonce each time", () => {
    const sealed = seal("ghp_secret", "team1:github.com", key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("ghp_secret");
    expect(seal("ghp_secret", "team1:github.com", key)).not.toBe(sealed);
    expect(open(sealed, "team1:github.com", key)).toBe("ghp_secret");
  });

  it("do not open with another key, another binding, or altered", () => {
    const sealed = seal("ghp_secret", "team1:github.com", key);
    expect(open(sealed, "team1:github.com", sealingKeyOf("x".repeat(32)))).toBeNull();
    expect(open(sealed, "team2:github.com", key)).toBeNull();
    const [version, nonce, tag, data] = sealed.split(".");
    expect(open([version, nonce, tag.slice(0, 6), data].join("."), "team1:github.com", key)).toBeNull();
    expect(open([version, nonce, tag, `A${data.slice(1)}`].join("."), "team1:github.com", key)).toBeNull();
    expect(open("garbage", "team1:github.com", key)).toBeNull();
  });

  it("take the key from SHIPSHAPE_SECRET_KEY, refusing it unset or short", () => {
    expect(sealingKeyFromEnv({ SHIPSHAPE_SECRET_KEY: "k".repeat(32) }).keyId).toBe(key.keyId);
    expect(() => sealingKeyFromEnv({})).toThrow(SealingKeyMissing);
    expect(() => sealingKeyFromEnv({ SHIPSHAPE_SECRET_KEY: "short" })).toThrow(/shorter than 32/);
  });
});
