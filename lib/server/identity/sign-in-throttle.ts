import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";

// Throttles password guessing: per account (5 failures in 15 minutes locks
// that address for 15 minutes) and per client address (30 failures).
// Counters live in PostgreSQL so they hold across restarts and instances.
const WINDOW_SECONDS = 15 * 60;
const perAccount = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: "signin:account", points: 5, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS });
const perClient = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: "signin:client", points: 30, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS });

function throttled(msBeforeNext: number): AppError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return new AppError("RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

export async function assertSignInAllowed(email: string, clientAddress: string): Promise<void> {
  const [account, client] = await Promise.all([perAccount.get(email), perClient.get(clientAddress)]);
  for (const state of [account, client]) {
    if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) throw throttled(state.msBeforeNext);
  }
}

export async function recordFailedSignIn(email: string, clientAddress: string): Promise<void> {
  await Promise.all(
    [perAccount.consume(email), perClient.consume(clientAddress)].map((attempt) =>
      attempt.catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      }),
    ),
  );
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await perAccount.delete(email);
}
