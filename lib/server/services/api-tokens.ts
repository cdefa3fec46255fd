import "server-only";
import { API_TOKEN_MARK, tokenState, type ApiTokenScopeName, type ApiTokenState } from "@/lib/domain/api-tokens";
import { actorLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound, parseInput } from "@/lib/server/kernel/errors";
import { createApiTokenInput, revokeApiTokenInput } from "@/lib/schemas/api-token";
import { forgetToken } from "@/lib/server/identity/recent-tokens";
import { recordActivity } from "./activity";
import { expiryAfterDays, hashSecret, newSecret } from "@/lib/server/kernel/secrets";

export type ApiTokenView = {
  id: string;
  name: string;
  scope: ApiTokenScopeName;
  prefix: string;
  state: ApiTokenState;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export const hashApiToken = hashSecret;

const tokenSelect = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdByLabel: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type TokenRow = {
  id: string;
  name: string;
  scope: "READ" | "WRITE";
  prefix: string;
  createdByLabel: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

function toView(row: TokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope === "READ" ? "read" : "write",
    prefix: row.prefix,
    state: tokenState(row, now),
    createdBy: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

// The secret is returned once, here, and never stored.
export async function createApiToken(actor: Actor, input: unknown): Promise<{ token: ApiTokenView; secret: string }> {
  authorize(actor, "apiToken.manage");
  const { name, scope, expiresInDays } = parseInput(createApiTokenInput, input);
  const { secret, hash, prefix } = newSecret(API_TOKEN_MARK);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        teamId: actor.teamId,
        name,
        scope: scope === "read" ? "READ" : "WRITE",
        prefix,
        tokenHash: hash,
        expiresAt: expiryAfterDays(expiresInDays, now),
        createdByLabel: actorLabel(actor),
      },
      select: tokenSelect,
    });
    await recordActivity(tx, actor, {
      action: "apiToken.created",
      entityType: "apiToken",
      entityId: row.id,
      after: { name, scope, prefix: row.prefix, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { token: toView(row, now), secret };
  });
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  authorize(actor, "apiToken.manage");
  const rows = await db.apiToken.findMany({ where: { teamId: actor.teamId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: tokenSelect });
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

// Takes effect on this instance's next request, and within a second on others.
export async function revokeApiToken(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "apiToken.manage");
  const { tokenId } = parseInput(revokeApiTokenInput, input);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, teamId: actor.teamId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!token) throw notFound("API token");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, actor, {
      action: "apiToken.revoked",
      entityType: "apiToken",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix },
    });
  });
  // After the commit, so no request in between can remember it as valid.
  forgetToken(tokenId);
}
