import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Secrets handed out once (API tokens, share links): a recognisable mark and
// 256 random bits. Only the SHA-256 is stored — with that much entropy a slow
// hash adds nothing, and every request has to look one up — plus the first
// 12 characters, to tell them apart in lists.
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function newSecret(mark: string): { secret: string; hash: string; prefix: string } {
  const secret = `${mark}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashSecret(secret), prefix: secret.slice(0, 12) };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const expiryAfterDays = (days: number | null, now: Date) => (days ? new Date(now.getTime() + days * DAY_MS) : null);
