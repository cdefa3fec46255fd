import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseDatabaseTimeouts } from "@/lib/server/kernel/config-schema";

const valid = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/shipshape", AUTH_SECRET: "x".repeat(32) };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("accepts the minimum and fills defaults", () => {
    const config = parseConfig(valid);
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.clerkEnabled).toBe(false);
    expect(config.mailEnabled).toBe(false);
  });

  it("names every missing variable", () => {
    const problems = problemsOf({});
    expect(problems.some((p) => p.startsWith("DATABASE_URL "))).toBe(true);
    expect(problems.some((p) => p.startsWith("AUTH_SECRET "))).toBe(true);
  });

  it("names malformed variables", () => {
    expect(problemsOf({ ...valid, DATABASE_URL: "mysql://x" })).toEqual(["DATABASE_URL must be a postgresql:// connection URL"]);
    expect(problemsOf({ ...valid, AUTH_SECRET: "short" })[0]).toMatch(/^AUTH_SECRET must be at least 32/);
    expect(problemsOf({ ...valid, APP_URL: "not a url" })[0]).toMatch(/^APP_URL /);
    expect(problemsOf({ ...valid, LOG_LEVEL: "loud" })[0]).toMatch(/^LOG_LEVEL /);
    expect(problemsOf({ ...valid, SENTRY_DSN: "nope" })[0]).toMatch(/^SENTRY_DSN /);
    expect(problemsOf({ ...valid, SMTP_URL: "http://mail" })[0]).toMatch(/^SMTP_URL /);
  });

  it("enables Clerk only with both keys, and names the missing one", () => {
    expect(problemsOf({ ...valid, CLERK_SECRET_KEY: "sk_test_x" })).toEqual([
      "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is required when the other Clerk key is set",
    ]);
    expect(parseConfig({ ...valid, CLERK_SECRET_KEY: "sk_test_x", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x" }).clerkEnabled).toBe(true);
    expect(parseConfig({ ...valid, CLERK_SECRET_KEY: "", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "" }).clerkEnabled).toBe(false);
  });

  it("requires a sender when SMTP is configured", () => {
    expect(problemsOf({ ...valid, SMTP_URL: "smtp://mail:25" })).toEqual(["MAIL_FROM is required when SMTP_URL is set"]);
    expect(parseConfig({ ...valid, SMTP_URL: "smtp://mail:25", MAIL_FROM: "ship@example.com" }).mailEnabled).toBe(true);
  });

  it("reads the database timeouts in milliseconds, with defaults, and refuses nonsense", () => {
    expect(parseConfig(valid)).toMatchObject({ DATABASE_CONNECT_TIMEOUT_MS: 5000, DATABASE_STATEMENT_TIMEOUT_MS: 20000 });
    expect(parseConfig({ ...valid, DATABASE_CONNECT_TIMEOUT_MS: "1500", DATABASE_STATEMENT_TIMEOUT_MS: "60000" })).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 1500,
      DATABASE_STATEMENT_TIMEOUT_MS: 60000,
    });
    expect(problemsOf({ ...valid, DATABASE_CONNECT_TIMEOUT_MS: "5s" })[0]).toMatch(/^DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds/);
    expect(problemsOf({ ...valid, DATABASE_STATEMENT_TIMEOUT_MS: "0" })[0]).toMatch(/^DATABASE_STATEMENT_TIMEOUT_MS must be at least 100/);
    // The pools, created before the start-up check, fall back to the defaults.
    expect(parseDatabaseTimeouts({ DATABASE_CONNECT_TIMEOUT_MS: "5s" })).toEqual({ DATABASE_CONNECT_TIMEOUT_MS: 5000, DATABASE_STATEMENT_TIMEOUT_MS: 20000 });
    expect(parseDatabaseTimeouts({ DATABASE_CONNECT_TIMEOUT_MS: "800" }).DATABASE_CONNECT_TIMEOUT_MS).toBe(800);
  });

  it("keeps metrics off without a token and refuses a short one", () => {
    expect(parseConfig(valid).METRICS_TOKEN).toBeUndefined();
    expect(parseConfig({ ...valid, METRICS_TOKEN: "  " }).METRICS_TOKEN).toBeUndefined();
    expect(parseConfig({ ...valid, METRICS_TOKEN: "a".repeat(16) }).METRICS_TOKEN).toBe("a".repeat(16));
    expect(problemsOf({ ...valid, METRICS_TOKEN: "short" })).toEqual(["METRICS_TOKEN must be at least 16 characters long (`openssl rand -hex 32`)"]);
  });
});
