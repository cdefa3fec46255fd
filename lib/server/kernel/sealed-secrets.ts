import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "@/lib/server/kernel/errors";

// Secrets Shipshape must give back to someone else later (a git host's read
// token), unlike the ones it hands out and only compares (secrets.ts): sealed
// with AES-256-GCM under a key derived from SHIPSHAPE_SECRET_KEY, each with
// its own random nonce, and bound to what it belongs to (the associated data:
// team and host), so a sealed value copied to another row does not open.
// See docs/adr/0031-security-headers-check.md ("Read tokens").

export const SECRET_KEY_VARIABLE = "SHIPSHAPE_SECRET_KEY";
export const MIN_SECRET_KEY_LENGTH = 32;

const VERSION = "v1";
// The same operator secret may key other purposes later; each gets its own key.
const PURPOSE = "shipshape repository tokens v1";

/** The derived key and its fingerprint (stored beside each sealed value to tell which key sealed it). */
export type SealingKey = { key: Buffer; keyId: string };

/** Why no key is available: unset, or set but too short. */
export class SealingKeyMissing extends Error {
  constructor(readonly reason: "unset" | "short") {
    super(
      reason === "unset"
        ? `${SECRET_KEY_VARIABLE} is not set on the server: stored tokens cannot be sealed or opened. Set it to at least ${MIN_SECRET_KEY_LENGTH} random characters (openssl rand -base64 32).`
        : `${SECRET_KEY_VARIABLE} is shorter than ${MIN_SECRET_KEY_LENGTH} characters.`,
    );
    this.name = "SealingKeyMissing";
  }
}

/** The key from the environment, read at each call (so an operator's change needs only a restart). Throws SealingKeyMissing. */
export function sealingKeyFromEnv(env: Record<string, string | undefined> = process.env): SealingKey {
  const secret = env[SECRET_KEY_VARIABLE]?.trim();
  if (!secret) throw new SealingKeyMissing("unset");
  if (secret.length < MIN_SECRET_KEY_LENGTH) throw new SealingKeyMissing("short");
  return sealingKeyOf(secret);
}

/**
 * The key from the environment, or an UNAVAILABLE AppError that tells the
 * person why `what` cannot be done here ("Read tokens cannot be stored on
 * this server") and what the operator should set.
 */
export function sealingKeyOrRefuse(what: string, env: Record<string, string | undefined> = process.env): SealingKey {
  try {
    return sealingKeyFromEnv(env);
  } catch (error) {
    if (!(error instanceof SealingKeyMissing)) throw error;
    throw new AppError(
      "UNAVAILABLE",
      `${what}: ${SECRET_KEY_VARIABLE} is ${error.reason === "unset" ? "not set" : "too short"}. Ask the operator to set it to at least ${MIN_SECRET_KEY_LENGTH} random characters (openssl rand -base64 32).`,
    );
  }
}

/** HKDF-SHA256 of the operator's secret for this purpose. */
export function sealingKeyOf(secret: string): SealingKey {
  const key = Buffer.from(hkdfSync("sha256", secret, "shipshape", PURPOSE, 32));
  return { key, keyId: createHash("sha256").update(key).digest("hex").slice(0, 16) };
}

/** Seals `plaintext` bound to `associated` (such as "team:host"): "v1.<nonce>.<tag>.<ciphertext>", base64url. */
export function seal(plaintext: string, associated: string, { key }: SealingKey): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(associated, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Opens what `seal` made with the same key and associated data; null when it does not open (another key, altered, or bound elsewhere). */
export function open(sealed: string, associated: string, { key }: SealingKey): string | null {
  const [version, nonce, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || nonce === undefined || tag === undefined || ciphertext === undefined) return null;
  const authTag = Buffer.from(tag, "base64url");
  // A full 16-byte tag only: GCM would accept a truncated one, which is easier to forge.
  if (authTag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(associated, "utf8"));
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
