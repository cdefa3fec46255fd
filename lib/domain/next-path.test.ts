import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("where to go after signing in", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/members")).toBe("/members");
    expect(safeNextPath("/invite/abc?x=1")).toBe("/invite/abc?x=1");
  });

  it("refuses other origins and anything that is not a path", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "members", null, undefined, 42]) {
      expect(safeNextPath(value)).toBe("/");
    }
  });
});
