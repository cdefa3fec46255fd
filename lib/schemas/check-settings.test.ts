import { describe, expect, it } from "vitest";
import { checkSettings } from "./check-settings";

const errors = (input: unknown) => {
  const result = checkSettings.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("check settings", () => {
  it("fill in the stated defaults", () => {
    expect(checkSettings.parse({ kind: "http", url: "https://example.com/health" })).toEqual({
      kind: "http",
      url: "https://example.com/health",
      method: "GET",
      expectedStatus: { min: 200, max: 399 },
      timeoutMs: 10_000,
    });
    expect(checkSettings.parse({ kind: "tls", host: "Example.com" })).toEqual({ kind: "tls", host: "example.com", port: 443, minDaysLeft: 21, minProtocol: "TLSv1.2", timeoutMs: 10_000 });
    expect(checkSettings.parse({ kind: "repository", url: "https://git.example.com/a/b.git", files: [{ path: "SECURITY.md" }] })).toMatchObject({ timeoutMs: 30_000 });
  });

  it("refuse bad values field by field, with what to do", () => {
    expect(errors({ kind: "http", url: "ftp://example.com/" })).toEqual({ url: "Enter a full http:// or https:// address." });
    expect(errors({ kind: "http", url: "https://example.com", timeoutMs: 60_000 })).toEqual({ timeoutMs: "Use at most 30000 ms for the timeout." });
    expect(errors({ kind: "http", url: "https://example.com", expectedStatus: { min: 400, max: 200 } })).toEqual({ "expectedStatus.max": "The lowest status must not be above the highest." });
    expect(errors({ kind: "http", url: "https://example.com", method: "HEAD", bodyContains: "ok" })).toEqual({ method: "A HEAD request has no body to check; use GET." });
    expect(errors({ kind: "http", url: "https://example.com", bodyJson: { path: "a; drop", equals: 1 } })).toHaveProperty(["bodyJson.path"]);
    expect(errors({ kind: "tls", host: "https://example.com/" })).toEqual({ host: "Enter only the host name, such as example.com (no https://, port or path)." });
    expect(errors({ kind: "tls", host: "example.com", port: 70_000, minProtocol: "SSLv3" })).toMatchObject({ port: "Use at most 65535 for the port.", minProtocol: "Choose TLSv1.2 or TLSv1.3." });
    expect(errors({ kind: "dns", name: "example.com", type: "SRV" })).toHaveProperty("type");
    expect(errors({ kind: "reported", maxAgeDays: 0 })).toEqual({ maxAgeDays: "Use at least 1 for the number of days." });
    expect(errors({ kind: "ping" })).toHaveProperty("kind");
    expect(errors({ kind: "headers" })).toHaveProperty("url");
    expect(errors({ kind: "headers", url: "https://example.com", minimumScore: 70.5, requiredTests: ["hsts"] })).toMatchObject({
      minimumScore: "Use a whole number for the minimum score.",
      "requiredTests.0": expect.stringMatching(/^"hsts" is not an Observatory test; use one of content-security-policy, cookies, /),
    });
    expect(errors({ kind: "http", url: "https://example.com\u0000" })).toHaveProperty("url");
    // Left out or not text, the address says what to type, not what type it got.
    expect(errors({ kind: "http" })).toEqual({ url: "Enter a full http:// or https:// address." });
    expect(errors({ kind: "headers", url: 42 })).toEqual({ url: "Enter a full http:// or https:// address." });
  });

  it("refuse addresses with a user name or password, which would be shown to every reader", () => {
    const message = "Leave the user name and password out of the address; a private repository takes a stored read token instead.";
    expect(errors({ kind: "http", url: "https://user:secret@example.com/health" })).toEqual({ url: message });
    expect(errors({ kind: "headers", url: "https://user@example.com/" })).toEqual({ url: message });
    expect(errors({ kind: "repository", url: "https://x-access-token:ghp_secret@github.com/a/b.git", files: [{ path: "README.md" }] })).toEqual({ url: message });
    expect(errors({ kind: "http", url: "https://example.com/health?user=a@b" })).toEqual({});
  });

  it("take host names and whole IP addresses, not fragments of them", () => {
    for (const host of ["example.com", "localhost", "127.0.0.1", "::1", "[::1]", "2001:db8::1", "my_host.internal.", "1password.com"]) {
      expect(errors({ kind: "tls", host }), host).toEqual({});
    }
    expect(checkSettings.parse({ kind: "tls", host: "[2001:DB8::1]" })).toMatchObject({ host: "2001:db8::1" });
    for (const host of ["[::1", "::1]", "....", ":", "1.2.3", "999.1.1.1", "example.123", "1:2:3", "fe80::1::2"]) {
      expect(errors({ kind: "tls", host }), host).toEqual({ host: "Enter only the host name, such as example.com (no https://, port or path)." });
      expect(errors({ kind: "dns", name: host, type: "A" }), host).toHaveProperty("name");
    }
  });

  it("hold a repository to one source, safe paths and patterns", () => {
    const files = [{ path: "SECURITY.md" }];
    expect(errors({ kind: "repository", url: "http://git.example.com/a.git", files })).toEqual({ url: "Use an https:// address." });
    expect(errors({ kind: "repository", files })).toEqual({ url: "Enter either an https:// address or a local path, not both." });
    expect(errors({ kind: "repository", url: "https://git.example.com/a.git", path: "/srv/git/a.git", files })).toHaveProperty("url");
    expect(errors({ kind: "repository", path: "srv/git", files })).toHaveProperty("path");
    expect(errors({ kind: "repository", path: "/srv/../etc", files })).toHaveProperty("path");
    expect(errors({ kind: "repository", path: "/srv/git/a.git", files: [] })).toEqual({ files: "List at least one file that must exist." });
    expect(errors({ kind: "repository", path: "/srv/git/a.git", files: [{ path: "../x" }] })).toHaveProperty(["files.0.path"]);
    expect(errors({ kind: "repository", path: "/srv/git/a.git", files: [{ path: "a", pattern: "(a+)+$" }] })).toEqual({ "files.0.pattern": "Avoid repetition inside a repeated group, such as (a+)+: it can take forever." });
    expect(errors({ kind: "repository", path: "/srv/git/a.git", files: [{ path: "a", pattern: "([a-z]*)*" }] })).toHaveProperty(["files.0.pattern"]);
    expect(errors({ kind: "repository", path: "/srv/git/a.git", files: [{ path: "a", pattern: "[" }] })).toEqual({ "files.0.pattern": "This is not a valid regular expression." });
    expect(errors({ kind: "repository", path: "/srv/git/a.git", files: [{ path: "a", pattern: "x".repeat(201) }] })).toEqual({ "files.0.pattern": "Use at most 200 characters." });
    expect(errors({ kind: "repository", path: "/srv/git/a.git", branch: "-x", files })).toHaveProperty("branch");
    expect(errors({ kind: "repository", path: "/srv/git/a.git", branch: "release/1.2", files: [{ path: "a", pattern: "^\\* @acme/(web|api)" }] })).toEqual({});
  });
});
