// The one schema for Shipshape's environment. Every variable is documented in
// .env.example and the README; keep the three in step.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = optionalString.pipe(z.url().optional());

const milliseconds = (fallback: number, min: number) =>
  z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(min, `must be at least ${min} (milliseconds)`)
    .max(3_600_000, "must be at most 3600000 (one hour, in milliseconds)")
    .default(fallback);

// How long Shipshape waits for the database (docs/adr/0024-database-faults.md):
// to open a connection (or for a free one in the pool), and for one statement.
const databaseTimeouts = z.object({
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5_000, 100),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(20_000, 100),
});

export type DatabaseTimeouts = z.infer<typeof databaseTimeouts>;

/**
 * The database timeouts alone, for the pools, which are created when their
 * module loads (also during `next build`, with no other setting present).
 * An invalid value falls back to the default here; the full check at
 * start-up (parseConfig) reports it and stops the server.
 */
export function parseDatabaseTimeouts(env: Record<string, string | undefined>): DatabaseTimeouts {
  const result = databaseTimeouts.safeParse(env);
  return result.success ? result.data : databaseTimeouts.parse({});
}

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (a postgresql:// connection URL)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
    APP_URL: z.url({ error: "must be an absolute http(s) URL" }).default("http://localhost:3000"),
    AUTH_SECRET: z
      .string({ error: "is required (at least 32 random characters; `openssl rand -base64 32`)" })
      .min(32, "must be at least 32 characters long"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: optionalString,
    CLERK_SECRET_KEY: optionalString,
    SENTRY_DSN: optionalUrl,
    SENTRY_ENVIRONMENT: optionalString,
    SMTP_URL: optionalString.pipe(
      z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    ),
    MAIL_FROM: optionalString.pipe(z.string().min(3).optional()),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // REST API requests allowed per minute: per token, and per client address
    // for requests without a valid token.
    API_RATE_LIMIT_PER_TOKEN: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").default(600),
    API_RATE_LIMIT_PER_IP: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").default(1200),
    // How often each instance looks for projects due their daily snapshot.
    SNAPSHOT_CHECK_INTERVAL_SECONDS: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(86_400, "must be at most 86400 (a day)")
      .default(3600),
    // Set: GET /api/metrics answers to `Authorization: Bearer <token>` (docs/adr/0027-metrics.md).
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters long (`openssl rand -hex 32`)").optional()),
    // Seals secrets Shipshape must send elsewhere later (repository checks'
    // read tokens, lib/server/kernel/sealed-secrets.ts). Unset: storing them is refused.
    SHIPSHAPE_SECRET_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters long (`openssl rand -base64 32`)").optional()),
  })
  .extend(databaseTimeouts.shape)
  .superRefine((env, ctx) => {
    const clerkKeys = [env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY, env.CLERK_SECRET_KEY].filter(Boolean).length;
    if (clerkKeys === 1) {
      const missing = env.CLERK_SECRET_KEY ? "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY" : "CLERK_SECRET_KEY";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required when the other Clerk key is set" });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
    }
  });

export type Config = z.infer<typeof configSchema> & {
  clerkEnabled: boolean;
  mailEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  const parsed = result.data;
  return {
    ...parsed,
    clerkEnabled: Boolean(parsed.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY && parsed.CLERK_SECRET_KEY),
    mailEnabled: Boolean(parsed.SMTP_URL),
  };
}
