import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const controlCharacters = [...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)), "\x7f"];

describe("where to go after signing in", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/members")).toBe("/members");
    expect(safeNextPath("/invite/abc?x=1")).toBe("/invite/abc?x=1");
    expect(safeNextPath("/projects/p1#item-2")).toBe("/projects/p1#item-2");
  });

  it("refuses other origins and anything that is not a path", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "members", "", null, undefined, 42]) {
      expect(safeNextPath(value)).toBe("/");
    }
  });

  it("refuses a second slash hidden behind any control character", () => {
    for (const character of controlCharacters) {
      for (const value of [`/${character}/evil.example`, `/${character}\\evil.example`, `${character}//evil.example`, `/${character}${character}/evil.example`]) {
        expect(new URL(safeNextPath(value), "https://app.example").host, JSON.stringify(value)).toBe("app.example");
      }
    }
  });

  it("refuses every backslash form of another host", () => {
    for (const value of ["/\\evil.example", "\\\\evil.example", "/\\/evil.example", "\\/evil.example", "/\t\\evil.example", "/\\\tevil.example", "/\\@evil.example"]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBe("/");
    }
  });

  it("refuses paths that normalise to another host", () => {
    for (const value of ["/.//evil.example", "/./\\evil.example", "/%2e//evil.example", "/a/..//evil.example", "/https:evil.example/../..//evil.example"]) {
      expect(safeNextPath(value), JSON.stringify(value)).not.toMatch(/^\/\//);
      expect(new URL(safeNextPath(value), "https://app.example").host, JSON.stringify(value)).toBe("app.example");
    }
  });

  it("what it returns stays on this site when a browser resolves it", () => {
    for (const character of controlCharacters) {
      for (const raw of [`/${character}/evil.example`, `/x${character}y`, `/${character}`]) {
        const resolved = new URL(safeNextPath(raw), "https://app.example");
        expect(resolved.origin, JSON.stringify(raw)).toBe("https://app.example");
      }
    }
  });
});
