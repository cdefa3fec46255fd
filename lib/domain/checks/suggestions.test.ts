import { describe, expect, it } from "vitest";
import { checkIdentity, fillTemplate, placeholderValues, placeholdersOf, type CheckTemplate } from "./suggestions";

const health: CheckTemplate = {
  kind: "http",
  label: "Liveness endpoint answers",
  url: "{productionUrl}/health",
  alternatives: [{ url: "{productionUrl}/healthz" }],
};

describe("check suggestions", () => {
  it("takes the placeholders from the project's URLs, without doubled slashes", () => {
    expect(placeholderValues({ productionUrl: "https://shop.example.com/app/?x=1#top", repositoryUrl: "https://github.com/acme/shop/" })).toEqual({
      productionUrl: "https://shop.example.com/app",
      productionHost: "shop.example.com",
      repositoryUrl: "https://github.com/acme/shop",
    });
    expect(placeholderValues({ productionUrl: "https://shop.example.com/", repositoryUrl: null })).toEqual({
      productionUrl: "https://shop.example.com",
      productionHost: "shop.example.com",
    });
    expect(placeholderValues({ productionUrl: null, repositoryUrl: "git@github.com:acme/shop.git" })).toEqual({});
  });

  it("fills a template and each alternative merged onto it, or names what is missing", () => {
    const values = placeholderValues({ productionUrl: "https://shop.example.com", repositoryUrl: null });
    expect(fillTemplate(health, values)).toEqual({
      ok: true,
      choices: [
        { kind: "http", url: "https://shop.example.com/health" },
        { kind: "http", url: "https://shop.example.com/healthz" },
      ],
    });
    const codeowners: CheckTemplate = { kind: "repository", label: "CODEOWNERS", url: "{repositoryUrl}", files: [{ path: "{CODEOWNERS,.github/CODEOWNERS}" }] };
    expect(fillTemplate(codeowners, values)).toEqual({ ok: false, missing: ["repositoryUrl"] });
    // A glob's alternatives are not placeholders.
    expect(placeholdersOf(codeowners)).toEqual(["repositoryUrl"]);
    expect(fillTemplate(codeowners, { repositoryUrl: "https://git.example/a" })).toMatchObject({ ok: true, choices: [{ files: [{ path: "{CODEOWNERS,.github/CODEOWNERS}" }] }] });
  });

  it("tells the same check apart from tuning", () => {
    const a = checkIdentity({ kind: "http", url: "https://x.example/health", method: "GET", timeoutMs: 10_000 });
    expect(checkIdentity({ kind: "http", url: "https://x.example/health", method: "GET", timeoutMs: 5_000, maxLatencyMs: 200 })).toBe(a);
    expect(checkIdentity({ kind: "http", url: "https://x.example/healthz", method: "GET" })).not.toBe(a);
    expect(checkIdentity({ kind: "tls", host: "x.example", port: 443, minDaysLeft: 0 })).toBe(checkIdentity({ kind: "tls", host: "x.example", port: 443, minDaysLeft: 21 }));
    const repo = (paths: string[]) => checkIdentity({ kind: "repository", url: "https://git.example/a", files: paths.map((path) => ({ path })) });
    expect(repo(["SECURITY.md", "LICENSE"])).toBe(repo(["LICENSE", "SECURITY.md"]));
    expect(repo(["SECURITY.md"])).not.toBe(repo(["LICENSE"]));
    expect(checkIdentity({ kind: "reported", maxAgeDays: 7 })).toBe(checkIdentity({ kind: "reported", maxAgeDays: 92 }));
    expect(checkIdentity({ kind: "headers", url: "https://x.example" })).toBe("headers https://x.example");
  });
});
