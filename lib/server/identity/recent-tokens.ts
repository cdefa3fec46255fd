import "server-only";

// API tokens looked up in the last second, by hash. A script calling in a
// loop then costs one look-up per second instead of one per request.
// Revoking evicts the token here at once, so this instance refuses it on the
// next request; other instances refuse it within RECENT_MS. Expiry is checked
// on every request from the cached expiresAt.
// It sits with the credentials, below services and access: the token check
// (lib/server/access) reads it and revoking (lib/server/services) evicts from it.
const RECENT_MS = 1000;
const MAX_ENTRIES = 10_000;

// timeZone is the token's team's; a change to it reaches requests within RECENT_MS.
export type RecentToken = { id: string; teamId: string; timeZone: string; name: string; scope: "READ" | "WRITE"; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null };

// One map per process, on globalThis: Next bundles this module once for the
// route handlers and again for the server actions (different layers), and
// revoking in an action must evict what the API handlers read.
type Recent = Map<string, { token: RecentToken; until: number }>;
const shared = globalThis as unknown as { shipshapeRecentTokens?: Recent };
const recent: Recent = (shared.shipshapeRecentTokens ??= new Map());

export function recentToken(hash: string, now: number): RecentToken | undefined {
  const entry = recent.get(hash);
  if (entry && entry.until > now) return entry.token;
  recent.delete(hash);
  return undefined;
}

export function rememberToken(hash: string, token: RecentToken, now: number): void {
  if (recent.size >= MAX_ENTRIES) recent.clear();
  recent.set(hash, { token, until: now + RECENT_MS });
}

export function forgetToken(tokenId: string): void {
  for (const [hash, entry] of recent) if (entry.token.id === tokenId) recent.delete(hash);
}
