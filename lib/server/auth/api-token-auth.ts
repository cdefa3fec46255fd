import "server-only";
import { bearerToken, looksLikeApiToken, SCOPE_ROLE, tokenState } from "@/lib/domain/api-tokens";
import { formatMoment } from "@/lib/domain/format";
import type { TokenActor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashApiToken } from "@/lib/server/services/api-tokens";

// "Last used" is kept to the minute: writing it on every request would turn
// every read into a write.
const LAST_USE_RESOLUTION_MS = 60_000;

const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message);

// The team and role an API request acts with, from its Authorization header.
// Revocation and expiry are checked on every request.
export async function authenticateApiRequest(authorization: string | null, now = new Date()): Promise<TokenActor> {
  const secret = bearerToken(authorization);
  if (!secret) throw unauthenticated("Send an API token in the Authorization header: `Authorization: Bearer shp_…`.");
  if (!looksLikeApiToken(secret)) throw unauthenticated("That is not a Shipshape API token.");
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    select: { id: true, teamId: true, name: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token) throw unauthenticated("This API token is not valid.");
  const state = tokenState(token, now);
  if (state === "revoked") throw unauthenticated("This API token has been revoked.");
  if (state === "expired") throw unauthenticated(`This API token expired on ${formatMoment((token.expiresAt as Date).toISOString())}.`);
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USE_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: token.id, teamId: token.teamId }, data: { lastUsedAt: now } });
  }
  return { kind: "token", tokenId: token.id, name: token.name, teamId: token.teamId, role: SCOPE_ROLE[token.scope === "READ" ? "read" : "write"] };
}
