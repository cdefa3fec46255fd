import "server-only";
import { bearerToken, looksLikeApiToken, tokenState } from "@/lib/domain/api-tokens";
import { formatMoment } from "@/lib/domain/format";
import type { TokenActor } from "@/lib/server/kernel/actor";
import { Prisma } from "@/generated/prisma/client";
import { sqlRows } from "@/lib/server/kernel/db";
import { AppError } from "@/lib/server/kernel/errors";
import { hashApiToken } from "@/lib/server/services/api-tokens";
import { recentToken, rememberToken, type RecentToken } from "@/lib/server/identity/recent-tokens";

// "Last used" is kept to the minute: writing it on every request would turn
// every read into a write.
const LAST_USE_RESOLUTION_MS = 60_000;

const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message);

// The team and scope an API request acts with, from its Authorization header.
// Expiry is checked on every request; revocation too, through a look-up at
// most a second old (see recent-tokens.ts).
export async function authenticateApiRequest(authorization: string | null, now = new Date()): Promise<TokenActor> {
  const secret = bearerToken(authorization);
  if (!secret) throw unauthenticated("Send an API token in the Authorization header: `Authorization: Bearer shp_…`.");
  if (!looksLikeApiToken(secret)) throw unauthenticated("That is not a Shipshape API token.");
  const hash = hashApiToken(secret);
  let token = recentToken(hash, now.getTime());
  if (!token) {
    // Every API request comes through here: one indexed statement on the pool.
    [token] = await sqlRows<RecentToken>(Prisma.sql`
      SELECT t.id, t."teamId", team."timeZone", t.name, t.scope::text AS scope, t."expiresAt", t."revokedAt", t."lastUsedAt"
      FROM api_token t JOIN team ON team.id = t."teamId" WHERE t."tokenHash" = ${hash}`);
    if (!token) throw unauthenticated("This API token is not valid.");
    rememberToken(hash, token, now.getTime());
  }
  const state = tokenState(token, now);
  if (state === "revoked") throw unauthenticated("This API token has been revoked.");
  // Said in the team's zone, which the message names: the script has no zone of its own.
  if (state === "expired") throw unauthenticated(`This API token expired on ${formatMoment((token.expiresAt as Date).toISOString(), token.timeZone)}.`);
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USE_RESOLUTION_MS) {
    token.lastUsedAt = now;
    await sqlRows(Prisma.sql`UPDATE api_token SET "lastUsedAt" = ${now} WHERE id = ${token.id} AND "teamId" = ${token.teamId}`);
  }
  return { kind: "token", tokenId: token.id, name: token.name, teamId: token.teamId, scope: token.scope === "READ" ? "read" : "write", timeZone: token.timeZone };
}
