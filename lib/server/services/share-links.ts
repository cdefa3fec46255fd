import "server-only";
import { tokenState, type ApiTokenState } from "@/lib/domain/api-tokens";
import { actorLabel, type Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { notFound, parseInput } from "@/lib/server/kernel/errors";
import { createShareLinkInput, revokeShareLinkInput } from "@/lib/schemas/share-link";
import { recordProjectChange } from "./activity";
import { expiryAfterDays, hashSecret, newSecret } from "@/lib/server/kernel/secrets";
import { projectInTeam } from "@/lib/server/kernel/tenancy";

export type ShareLinkView = {
  id: string;
  prefix: string;
  state: ApiTokenState;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastAccessedAt: string | null;
};

// `shs_` + 256 random bits; only a SHA-256 is stored, like API tokens.
export const hashShareToken = hashSecret;
export const SHARE_TOKEN_PATTERN = /^shs_[A-Za-z0-9_-]{43}$/;

export const shareUrls = (token: string) => {
  const base = `${config().APP_URL}/share/${token}`;
  return { page: base, badge: `${base}/badge.svg` };
};

// The link is returned once, here.
export async function createShareLink(actor: Actor, input: unknown): Promise<{ link: ShareLinkView; url: string; badgeUrl: string }> {
  authorize(actor, "shareLink.manage");
  const { projectId, expiresInDays } = parseInput(createShareLinkInput, input);
  const { secret: token, hash, prefix } = newSecret("shs_");
  const now = new Date();
  return db.$transaction(async (tx) => {
    const project = await projectInTeam(tx, actor, projectId, { editable: false });
    const row = await tx.shareLink.create({
      data: {
        teamId: actor.teamId,
        projectId: project.id,
        tokenHash: hash,
        prefix,
        expiresAt: expiryAfterDays(expiresInDays, now),
        createdByLabel: actorLabel(actor),
      },
    });
    await recordProjectChange(tx, actor, {
      action: "shareLink.created",
      entityType: "shareLink",
      entityId: row.id,
      projectId: project.id,
      after: { prefix: row.prefix, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    const urls = shareUrls(token);
    return { link: toView(row, now), url: urls.page, badgeUrl: urls.badge };
  });
}

type ShareLinkRow = { id: string; prefix: string; createdByLabel: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null; lastAccessedAt: Date | null };

function toView(row: ShareLinkRow, now: Date): ShareLinkView {
  return {
    id: row.id,
    prefix: row.prefix,
    state: tokenState(row, now),
    createdBy: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastAccessedAt: row.lastAccessedAt?.toISOString() ?? null,
  };
}

export async function listShareLinks(actor: Actor, projectId: string): Promise<ShareLinkView[]> {
  authorize(actor, "shareLink.manage");
  const rows = await db.shareLink.findMany({ where: { teamId: actor.teamId, projectId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

// Returns the link's project, for the caller to refresh.
export async function revokeShareLink(actor: Actor, input: unknown): Promise<{ projectId: string }> {
  authorize(actor, "shareLink.manage");
  const { shareLinkId } = parseInput(revokeShareLinkInput, input);
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: shareLinkId, teamId: actor.teamId } });
    if (!link) throw notFound("Share link");
    if (link.revokedAt) return { projectId: link.projectId };
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    await recordProjectChange(tx, actor, { action: "shareLink.revoked", entityType: "shareLink", entityId: link.id, projectId: link.projectId, before: { prefix: link.prefix } });
    return { projectId: link.projectId };
  });
}
