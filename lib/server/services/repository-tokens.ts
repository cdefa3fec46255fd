import "server-only";
import type { CheckSettings } from "@/lib/schemas/check-settings";
import { removeRepositoryTokenInput, storeRepositoryTokenInput } from "@/lib/schemas/repository-token";
import { actorLabel, type Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { notFound, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { open, seal, sealingKeyFromEnv, sealingKeyOrRefuse, SECRET_KEY_VARIABLE, type SealingKey } from "@/lib/server/kernel/sealed-secrets";
import { recordActivity } from "./activity";

// Read tokens that repository checks send to a git host, one per team and
// host. Leads and admins store them (check.manage: a token lets the server
// read what the token can read); the token is sealed with AES-256-GCM,
// bound to the team and host, and no read ever returns it — only the host,
// the user name, its last four characters and who stored it when.

/** The user name sent when none is stored; GitHub, GitLab and Gitea accept it with a token. */
export const DEFAULT_TOKEN_USERNAME = "x-access-token";

/** A stored read token as anyone may see it: never the token. */
export type RepositoryTokenView = {
  id: string;
  host: string;
  username: string;
  /** The token's last four characters, or null for tokens too short to show any. */
  last4: string | null;
  createdBy: string;
  /** ISO 8601; when this token was stored (a new token for the host replaces the old). */
  storedAt: string;
};

const viewSelect = { id: true, host: true, username: true, last4: true, createdByLabel: true, updatedAt: true } as const;

type ViewRow = { id: string; host: string; username: string | null; last4: string; createdByLabel: string; updatedAt: Date };

const toView = (row: ViewRow): RepositoryTokenView => ({
  id: row.id,
  host: row.host,
  username: row.username ?? DEFAULT_TOKEN_USERNAME,
  last4: row.last4 || null,
  createdBy: row.createdByLabel,
  storedAt: row.updatedAt.toISOString(),
});

// What a sealed token is bound to: a sealed value moved to another team's or host's row does not open.
const binding = (teamId: string, host: string) => `repository-token:${teamId}:${host}`;

// Four characters of a short token would give away too much of it.
const last4Of = (token: string) => (token.length >= 16 ? token.slice(-4) : "");

function keyOrRefuse(): SealingKey {
  return sealingKeyOrRefuse("Read tokens cannot be stored on this server");
}

/** The team's stored read tokens, by host. Errors: FORBIDDEN (below lead, read tokens, share links). */
export async function listRepositoryTokens(actor: Actor): Promise<RepositoryTokenView[]> {
  authorize(actor, "check.manage");
  const rows = await db.repositoryToken.findMany({ where: { teamId: actor.teamId }, orderBy: [{ host: "asc" }], select: viewSelect });
  return rows.map(toView);
}

/**
 * Stores a read token for a git host (`host`, `username?`, `token`), replacing
 * the team's token for that host if there is one. Repository checks of
 * https:// URLs on that host send it. Errors: VALIDATION (field-level),
 * FORBIDDEN, UNAVAILABLE (SHIPSHAPE_SECRET_KEY not set on the server).
 */
export async function storeRepositoryToken(actor: Actor, input: unknown): Promise<RepositoryTokenView> {
  authorize(actor, "check.manage");
  const { host, username, token } = parseInput(storeRepositoryTokenInput, input);
  const key = keyOrRefuse();
  const sealed = { sealedToken: seal(token, binding(actor.teamId, host), key), keyId: key.keyId, last4: last4Of(token), username: username ?? null, createdByLabel: actorLabel(actor) };
  return db.$transaction(async (tx) => {
    const existing = await tx.repositoryToken.findUnique({ where: { teamId_host: { teamId: actor.teamId, host } }, select: { id: true, last4: true } });
    const row = existing
      ? await tx.repositoryToken.update({ where: { id: existing.id }, data: sealed, select: viewSelect })
      : await tx.repositoryToken.create({ data: { teamId: actor.teamId, host, ...sealed }, select: viewSelect });
    await recordActivity(tx, actor, {
      action: "repositoryToken.stored",
      entityType: "repositoryToken",
      entityId: row.id,
      ...(existing ? { before: { host, last4: existing.last4 || null } } : {}),
      after: { host, username: username ?? DEFAULT_TOKEN_USERNAME, last4: row.last4 || null },
    });
    return toView(row);
  });
}

/** Removes a stored read token (`tokenId`); checks of its host clone without it from then on. Errors: FORBIDDEN, NOT_FOUND. */
export async function removeRepositoryToken(actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "check.manage");
  const { tokenId } = parseInput(removeRepositoryTokenInput, input);
  return db.$transaction(async (tx) => {
    const token = await tx.repositoryToken.findFirst({ where: { id: tokenId, teamId: actor.teamId }, select: { id: true, host: true, last4: true } });
    if (!token) throw notFound("Repository token");
    await tx.repositoryToken.delete({ where: { id: token.id } });
    await recordActivity(tx, actor, {
      action: "repositoryToken.removed",
      entityType: "repositoryToken",
      entityId: token.id,
      before: { host: token.host, last4: token.last4 || null },
    });
    return { id: token.id };
  });
}

/** The credentials a check sends, or why it cannot run (its failed outcome's summary). */
export type RepositoryCredentials = { credentials?: { username: string; password: string }; failure?: never } | { failure: string; credentials?: never };

/**
 * For running a check: the read token of the actor's team for a repository
 * check's URL — the one its `tokenRef` names (which must be for that host),
 * else the one stored for the URL's host — opened. No token: none is sent.
 * Other kinds and local paths: none. A token that cannot be opened (no key,
 * another key) is a `failure` to report, not an error. Errors: FORBIDDEN.
 */
export async function repositoryCredentialsFor(actor: Actor, settings: CheckSettings): Promise<RepositoryCredentials> {
  authorize(actor, "check.run");
  if (settings.kind !== "repository" || !settings.url) return {};
  const host = new URL(settings.url).host.toLowerCase();
  const row = await db.repositoryToken.findFirst({
    where: { teamId: actor.teamId, ...(settings.tokenRef ? { id: settings.tokenRef } : { host }) },
    select: { host: true, username: true, sealedToken: true, keyId: true },
  });
  if (!row) return settings.tokenRef ? { failure: `the read token ${settings.tokenRef} is not stored in this team; store one for ${host} or remove tokenRef` } : {};
  // A token goes only to the host it was stored for, whatever a check names.
  if (row.host !== host) return { failure: `the read token ${settings.tokenRef} is for ${row.host}, not ${host}` };
  let key: SealingKey;
  try {
    key = sealingKeyFromEnv();
  } catch {
    return { failure: `a read token for ${host} is stored, but ${SECRET_KEY_VARIABLE} is not set on the server to open it` };
  }
  if (row.keyId !== key.keyId) return { failure: `the read token for ${host} was stored under another ${SECRET_KEY_VARIABLE}; store it again` };
  const token = open(row.sealedToken, binding(actor.teamId, row.host), key);
  // Altered, or sealed for another team or host and copied here.
  if (token === null) return { failure: `the read token for ${host} does not open; store it again` };
  return { credentials: { username: row.username ?? DEFAULT_TOKEN_USERNAME, password: token } };
}
