import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/server/config";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

// REST API allowances per token and per client address, counted in
// PostgreSQL (one upsert each) so that every instance shares them.
type Allowance = "token" | "address";

let limiters: Record<Allowance, RateLimiterPostgres> | undefined;

function limiterFor(allowance: Allowance): RateLimiterPostgres {
  limiters ??= (() => {
    const { API_RATE_LIMIT_PER_TOKEN, API_RATE_LIMIT_PER_IP } = config();
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
  address: "Too many requests from your address.",
};

// Counts one request; throws RATE_LIMITED (with the seconds to wait) when over.
export async function spendAllowance(allowance: Allowance, key: string): Promise<Allowances> {
  const limiter = limiterFor(allowance);
  try {
    const res = await limiter.consume(key);
    return { limit: limiter.points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `${MESSAGE[allowance]} Try again in ${retryAfterSeconds} s.`, undefined, {
      retryAfterSeconds,
      limit: limiter.points,
    });
  }
}
