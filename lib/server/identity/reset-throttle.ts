import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";

// Limits requests for a reset e-mail, whether or not the address has an
// account (so the limit itself says nothing about it): 3 an hour per address
// asked for, so nobody fills a person's inbox, and 20 an hour per client.
const WINDOW_SECONDS = 60 * 60;
const perAddress = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: "reset:address", points: 3, duration: WINDOW_SECONDS });
const perClient = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: "reset:client", points: 20, duration: WINDOW_SECONDS });

/** Counts one request for a reset e-mail. Errors: RATE_LIMITED once the address or the client has asked too often this hour. */
export async function countResetRequest(email: string, clientAddress: string): Promise<void> {
  for (const limiter of [perAddress, perClient]) {
    const key = limiter === perAddress ? email : clientAddress;
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new AppError("RATE_LIMITED", `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    }
  }
}
