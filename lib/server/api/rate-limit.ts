import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/server/kernel/config";
import { watchPool } from "@/lib/server/kernel/db-health";
import { poolSettings } from "@/lib/server/kernel/db-settings";
import { AppError } from "@/lib/server/kernel/errors";

// REST API allowances, counted in PostgreSQL (one upsert per request) so that
// every instance shares them: a valid token's requests count against the
// token; requests without a valid token (missing, unknown, revoked, expired)
// count against the client address, which throttles token guessing and
// misconfigured clients. See docs/adr/0009-api-rate-limits.md.
type Allowance = "token" | "address";

let limiters: Record<Allowance, RateLimiterPostgres> | undefined;

function limiterFor(allowance: Allowance): RateLimiterPostgres {
  limiters ??= (() => {
    const { API_RATE_LIMIT_PER_TOKEN, API_RATE_LIMIT_PER_IP, DATABASE_URL } = config();
    // A small pool of its own whose commits do not wait for the disk: a crash
    // may forget the last fraction of a second of counts, which costs nothing,
    // while every API request saves a flush.
    // The same timeouts as the main pool (docs/adr/0024-database-faults.md).
    const pool = new pg.Pool({ ...poolSettings(), connectionString: DATABASE_URL, max: 4, options: "-c synchronous_commit=off" });
    watchPool(pool, "rate-limit");
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "api_rate_limit",
        tableCreated: true,
        clearExpiredByTimeout: true,
        keyPrefix,
        points,
        duration: 60,
        // Once a key is over its limit, refuse it from memory until the window
        // ends instead of counting every further request in the database.
        inMemoryBlockOnConsumed: points,
      });
    return { token: limiter("api:token", API_RATE_LIMIT_PER_TOKEN), address: limiter("api:address", API_RATE_LIMIT_PER_IP) };
  })();
  return limiters[allowance];
}

export type Allowances = { limit: number; remaining: number; resetSeconds: number };

const MESSAGE: Record<Allowance, string> = {
  token: "This token has made too many requests.",
  address: "Too many requests without a valid token from your address.",
};

function rateLimited(allowance: Allowance, msBeforeNext: number, limit: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("RATE_LIMITED", `${MESSAGE[allowance]} Try again in ${retryAfterSeconds} s.`, undefined, { retryAfterSeconds, limit });
}

// Counts one request; throws RATE_LIMITED (with the seconds to wait) when over.
export async function spendAllowance(allowance: Allowance, key: string): Promise<Allowances> {
  const limiter = limiterFor(allowance);
  try {
    const res = await limiter.consume(key);
    return { limit: limiter.points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw rateLimited(allowance, error.msBeforeNext, limiter.points);
  }
}

// An address that has used up its allowance is refused before anything else,
// from memory (no statement): once this instance has seen it go over.
export function assertNotBlocked(allowance: Allowance, key: string): void {
  const limiter = limiterFor(allowance);
  // A public method of the store limiters that their type declarations omit.
  const blocked = limiter as unknown as { getInMemoryBlockMsBeforeExpire(rlKey: string): number };
  const ms = blocked.getInMemoryBlockMsBeforeExpire(limiter.getKey(key));
  if (ms > 0) throw rateLimited(allowance, ms, limiter.points);
}
