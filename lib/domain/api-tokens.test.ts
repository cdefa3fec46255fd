import { describe, expect, it } from "vitest";
import { bearerToken, looksLikeApiToken, tokenState } from "./api-tokens";
import { decide, type Action } from "./permissions";

const token = `shp_${"a".repeat(43)}`;

describe("API tokens", () => {
  it("recognises the token format", () => {
    expect(looksLikeApiToken(token)).toBe(true);
    expect(looksLikeApiToken(token.slice(0, -1))).toBe(false);
    expect(looksLikeApiToken(`ghp_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeApiToken(`${token} `)).toBe(false);
  });

  it("reads the bearer token from the header", () => {
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("tells active, expired and revoked tokens apart", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: new Date("2026-06-02T00:00:00Z") }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenState({ revokedAt: now, expiresAt: null }, now)).toBe("revoked");
  });

  it("gives read tokens no writes and write tokens no administration", () => {
    const may = (scope: "read" | "write", action: Action) => decide({ kind: "token", scope }, action).allowed;
    expect(may("read", "project.read")).toBe(true);
    expect(may("read", "item.updateStatus")).toBe(false);
    expect(may("read", "evidence.add")).toBe(false);
    expect(may("write", "item.updateStatus")).toBe(true);
    expect(may("write", "item.edit")).toBe(true);
    expect(may("write", "project.create")).toBe(true);
    expect(may("write", "apiToken.manage")).toBe(false);
    expect(may("write", "member.invite")).toBe(false);
    expect(may("write", "project.delete")).toBe(false);
    expect(may("write", "waiver.decide")).toBe(false);
  });
});
