import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, clerkFrontendApiFromKey, sentryOriginFromDsn } from "./content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `)) ?? "";

describe("content security policy", () => {
  const production = buildContentSecurityPolicy({ nonce: "abc123", development: false, https: true });

  it("runs scripts only with the request's nonce", () => {
    const scripts = directive(production, "script-src");
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directive(production, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(production, "object-src")).toBe("object-src 'none'");
    expect(directive(production, "form-action")).toBe("form-action 'self'");
    expect(production).toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development, and never upgrades plain-HTTP installs", () => {
    const development = buildContentSecurityPolicy({ nonce: "n", development: true, https: false });
    expect(directive(development, "script-src")).toContain("'unsafe-eval'");
    expect(development).not.toContain("upgrade-insecure-requests");
  });

  it("adds Clerk's and Sentry's origins only when they are configured", () => {
    expect(production).not.toContain("clerk");
    const withBoth = buildContentSecurityPolicy({
      nonce: "n", development: false, https: true,
      clerkFrontendApi: "https://fond-cat-1.clerk.accounts.dev",
      sentryOrigin: "https://o1.ingest.sentry.io",
    });
    expect(directive(withBoth, "connect-src")).toContain("https://fond-cat-1.clerk.accounts.dev");
    expect(directive(withBoth, "connect-src")).toContain("https://o1.ingest.sentry.io");
    expect(directive(withBoth, "script-src")).not.toContain("unsafe-inline");
  });

  it("reads the Clerk Frontend API host from a publishable key", () => {
    const key = `pk_test_${btoa("fond-cat-1.clerk.accounts.dev$")}`;
    expect(clerkFrontendApiFromKey(key)).toBe("https://fond-cat-1.clerk.accounts.dev");
    expect(clerkFrontendApiFromKey("sk_test_nope")).toBeUndefined();
    expect(clerkFrontendApiFromKey(`pk_live_${btoa("evil.com/'unsafe-inline'$")}`)).toBeUndefined();
  });

  it("reads the Sentry origin from a DSN", () => {
    expect(sentryOriginFromDsn("https://key@o1.ingest.sentry.io/42")).toBe("https://o1.ingest.sentry.io");
    expect(sentryOriginFromDsn(undefined)).toBeUndefined();
  });
});
