import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/notifications/kinds";
import { config } from "@/lib/server/kernel/config";

// The token of a one-click unsubscribe link: who, in which team, stops which
// kinds of e-mail, signed with a key derived from AUTH_SECRET. It does not
// expire (a link in a year-old message should still work) and grants nothing
// but turning those kinds off, which the person can undo on their account page.

/** What a token stands for. */
export type Unsubscribe = { userId: string; teamId: string; kinds: NotificationKind[] };

const VERSION = "u1";

const signingKey = (secret: string) => createHmac("sha256", secret).update("shipshape notification unsubscribe").digest();
const signature = (body: string, secret: string) => createHmac("sha256", signingKey(secret)).update(`${VERSION}.${body}`).digest("base64url");

/** A token for `subject`: `u1.<payload>.<signature>`, URL-safe. */
export function unsubscribeToken(subject: Unsubscribe, secret = config().AUTH_SECRET): string {
  const body = Buffer.from(JSON.stringify({ u: subject.userId, t: subject.teamId, k: subject.kinds })).toString("base64url");
  return `${VERSION}.${body}.${signature(body, secret)}`;
}

/** What `token` stands for, or null when it is malformed, tampered with, or signed with another secret. */
export function readUnsubscribeToken(token: string, secret = config().AUTH_SECRET): Unsubscribe | null {
  const [version, body, given, ...rest] = token.split(".");
  if (version !== VERSION || !body || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(body, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    const { u, t, k } = parsed as { u?: unknown; t?: unknown; k?: unknown };
    if (typeof u !== "string" || typeof t !== "string" || !Array.isArray(k) || k.length === 0) return null;
    if (!k.every((kind): kind is NotificationKind => (NOTIFICATION_KINDS as readonly unknown[]).includes(kind))) return null;
    return { userId: u, teamId: t, kinds: k };
  } catch {
    return null;
  }
}

/** The link that unsubscribes (POST, one click) or asks to (GET, a page with a button). */
export const unsubscribeUrl = (token: string, appUrl = config().APP_URL) => new URL(`/api/unsubscribe?token=${encodeURIComponent(token)}`, appUrl).toString();
