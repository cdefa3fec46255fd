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
const shared = globalThis as unknown as { shipshapeRecentTokens?: Recent; shipshapeRevokedTokens?: Map<string, number> };
const recent: Recent = (shared.shipshapeRecentTokens ??= new Map());
// When each token was last evicted (ms since the epoch), by id. A look-up
// that started before then may have read the token before its revocation
// committed; remembering it would undo the eviction for up to RECENT_MS.
// Kept long enough to outlast any look-up (they are bounded by the
// statement timeout), then pruned.
const evicted: Map<string, number> = (shared.shipshapeRevokedTokens ??= new Map());
const EVICTION_KEPT_MS = 5 * 60_000;

export function recentToken(hash: string, now: number): RecentToken | undefined {
  const entry = recent.get(hash);
  if (entry && entry.until > now) return entry.token;
  recent.delete(hash);
  return undefined;
}

/** Keeps `token` for RECENT_MS from `now`, the moment its look-up started (ms), unless it was evicted since. */
export function rememberToken(hash: string, token: RecentToken, now: number): void {
  if ((evicted.get(token.id) ?? -Infinity) >= now) return;
  if (recent.size >= MAX_ENTRIES) recent.clear();
  recent.set(hash, { token, until: now + RECENT_MS });
}

/** Evicts token `tokenId` (after its revocation committed), and keeps look-ups already under way from putting it back. */
export function forgetToken(tokenId: string): void {
  const now = Date.now();
  for (const [id, at] of evicted) if (at < now - EVICTION_KEPT_MS) evicted.delete(id);
  evicted.set(tokenId, now);
  for (const [hash, entry] of recent) if (entry.token.id === tokenId) recent.delete(hash);
}
