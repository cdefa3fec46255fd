import "server-only";
import type { Identity } from "@/lib/server/identity/identity";

/**
 * How long a built-in session, once found valid in the database, is taken as
 * valid without asking the database again, in milliseconds: the bound within
 * which a session ended elsewhere (another instance, a revocation, a deleted
 * account) stops working (docs/adr/0037-session-look-up-cache.md). Roles and
 * team memberships are not cached: they are read on every request.
 */
export const SESSION_CACHE_MS = 60_000;

// Enough for every signed-in person of a large install; beyond it the oldest
// entries go first (a Map iterates in insertion order).
const MAX_ENTRIES = 10_000;

type Entry = { identity: Identity; until: number };

// Keyed by the signed session cookie as the browser sent it: only a value the
// database has vouched for is ever stored, so a forged cookie never matches.
// Kept on globalThis: Next bundles this module once per layer (pages, server
// actions, route handlers), and a sign-out in an action must clear the copy
// the pages read.
const sessions: Map<string, Entry> = ((globalThis as unknown as { shipshapeSessions?: Map<string, Entry> }).shipshapeSessions ??= new Map());

/** The identity `cookie` was last found to stand for, if that was under SESSION_CACHE_MS ago and the session has not expired since. */
export function cachedIdentity(cookie: string, now = Date.now()): Identity | null {
  const entry = sessions.get(cookie);
  if (!entry) return null;
  if (entry.until > now) return entry.identity;
  sessions.delete(cookie);
  return null;
}

/**
 * Remembers that `cookie` stands for `identity`, until SESSION_CACHE_MS from
 * `now` or the session's own expiry (`sessionExpiresAt`), whichever is first.
 */
export function rememberIdentity(cookie: string, identity: Identity, sessionExpiresAt: Date, now = Date.now()): void {
  sessions.delete(cookie);
  sessions.set(cookie, { identity, until: Math.min(now + SESSION_CACHE_MS, sessionExpiresAt.getTime()) });
  if (sessions.size > MAX_ENTRIES) {
    const oldest = sessions.keys().next().value;
    if (oldest !== undefined) sessions.delete(oldest);
  }
}

/**
 * Forgets every remembered session of `userId` in this process, so that their
 * next request asks the database: on sign-out, after a password change or
 * reset, after the account is deleted. Other instances forget within
 * SESSION_CACHE_MS.
 */
export function forgetIdentitiesOf(userId: string): void {
  for (const [cookie, entry] of sessions) if (entry.identity.userId === userId) sessions.delete(cookie);
}
