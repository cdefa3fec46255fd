import { describe, expect, it } from "vitest";
import { globToRegExp, isGlob } from "./glob";
import { readJsonPath } from "./json-path";

const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

describe("globs over repository paths", () => {
  it("keep * and ? within a folder, let ** cross folders, and read {a,b} as either", () => {
    expect(matches("*.md", "README.md")).toBe(true);
    expect(matches("*.md", "docs/README.md")).toBe(false);
    expect(matches("**/*.md", "README.md")).toBe(true);
    expect(matches("**/*.md", "docs/a/README.md")).toBe(true);
    expect(matches(".github/workflows/*.{yml,yaml}", ".github/workflows/ci.yaml")).toBe(true);
    expect(matches("LICENSE?", "LICENSE")).toBe(false);
    expect(matches("a.b", "axb")).toBe(false);
    expect(matches("docs/**", "docs/x/y")).toBe(true);
    expect(isGlob("SECURITY.md")).toBe(false);
  });
});

describe("JSON paths", () => {
  it("read properties and indexes, and say what is missing", () => {
    const body = JSON.stringify({ a: { b: [{ c: 1 }] }, n: null });
    expect(readJsonPath(body, "a.b[0].c")).toEqual({ ok: true, value: 1 });
    expect(readJsonPath(body, "$.n")).toEqual({ ok: true, value: null });
    expect(readJsonPath(body, "a.b[1].c")).toEqual({ ok: false, problem: "a.b[1].c is missing from the JSON body" });
    expect(readJsonPath(body, "a.constructor")).toMatchObject({ ok: false });
  });
});
