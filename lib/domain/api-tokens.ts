// API tokens: what a token may do and how its secret looks. Pure, so the
// server, the settings page and the CLI agree on both.
export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

// A token acts by its scope, never as a role: the permission table
// (permissions.ts) names the scopes each action allows. `read` sees what a
// viewer sees; `write` may also do what a lead does with projects and items.
// No token can manage people or tokens, delete projects or decide waivers:
// those stay with a signed-in person.

export const SCOPE_DESCRIPTION: Record<ApiTokenScopeName, string> = {
  read: "Read projects, items, evidence and readiness",
  write: "Also create projects, update items and add or remove evidence",
};

// `shp_` then 43 characters of base64url (256 random bits). The prefix makes
// a leaked token easy to spot for secret scanners and people alike.
export const API_TOKEN_MARK = "shp_";
const TOKEN_PATTERN = /^shp_[A-Za-z0-9_-]{43}$/;

export const looksLikeApiToken = (value: string) => TOKEN_PATTERN.test(value);

export type ApiTokenState = "active" | "expired" | "revoked";

export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

// Reads the secret from an Authorization header ("Bearer <token>").
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
