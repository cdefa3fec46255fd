import "server-only";
import { tokenState } from "@/lib/domain/api-tokens";
import type { ShareActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { hashShareToken, SHARE_TOKEN_PATTERN } from "@/lib/server/services/share-links";

const ACCESS_RESOLUTION_MS = 60_000;

// Who is reading through a share link: a reader of that one project's report
// (the gate lets it do nothing else), or nobody (a made-up, revoked or expired link: the same answer for all three).
export async function shareLinkReader(token: string, now = new Date()): Promise<ShareActor | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, teamId: true, projectId: true, expiresAt: true, revokedAt: true, lastAccessedAt: true, project: { select: { team: { select: { timeZone: true } } } } },
  });
  if (!link || tokenState(link, now) !== "active") return null;
  if (!link.lastAccessedAt || now.getTime() - link.lastAccessedAt.getTime() > ACCESS_RESOLUTION_MS) {
    await db.shareLink.updateMany({ where: { id: link.id, teamId: link.teamId }, data: { lastAccessedAt: now } });
  }
  return { kind: "share", shareLinkId: link.id, teamId: link.teamId, projectId: link.projectId, timeZone: link.project.team.timeZone };
}
