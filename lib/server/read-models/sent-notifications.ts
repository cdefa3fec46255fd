import "server-only";
import type { z } from "zod";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import type { NotificationPayloadV1 } from "@/lib/domain/notifications/payload";
import type { apiNotificationListQuery } from "@/lib/schemas/api";
import type { Actor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { authorize } from "@/lib/server/kernel/gate";
import { creationKey, creationKeyOf, decodeCursor, encodeCursor, type CreationKey, type Page, type PagedList } from "./pagination";

// What the team's notifications told whom: the events of the outbox, newest
// first, each with its recipients and whether they have read it. For the
// REST API (GET /api/v1/notifications); read like the activity log.

/** One event as sent: its facts as they were then (the payload), its recipients as they are now. Times ISO 8601. */
export type SentNotification = {
  id: string;
  kind: NotificationKind;
  summary: string;
  project: { id: string; name: string } | null;
  item: { id: string; key: string; title: string } | null;
  actor: string;
  createdAt: string;
  recipients: { name: string; email: string; readAt: string | null }[];
};

// Newest first by (createdAt, id): events are never re-dated.
const sentList = (teamId: string, kind: string | undefined): PagedList<CreationKey> => ({ kind: "api.notifications", key: creationKey, scope: { teamId, kind } });

/**
 * A page of the team's events, newest first (two statements: the events with
 * their recipients). Errors: FORBIDDEN (activity.read); VALIDATION on
 * `cursor` (malformed, or another list's).
 */
export async function sentNotificationPage(actor: Actor, { cursor, limit, kind }: z.infer<typeof apiNotificationListQuery>): Promise<Page<SentNotification>> {
  authorize(actor, "activity.read");
  const list = sentList(actor.teamId, kind);
  const after = decodeCursor(list, cursor);
  const before = after && { createdAt: new Date(after[0]), id: after[1] };
  const rows = await db.notificationEvent.findMany({
    where: {
      teamId: actor.teamId,
      ...(kind && { kind }),
      ...(before && { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      payload: true,
      actorLabel: true,
      createdAt: true,
      notifications: { orderBy: { user: { name: "asc" } }, select: { readAt: true, user: { select: { name: true, email: true } } } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    data: page.map((row) => {
      const payload = row.payload as Partial<NotificationPayloadV1>;
      return {
        id: row.id,
        kind: row.kind,
        summary: payload.summary ?? "",
        project: payload.project ?? null,
        item: payload.item ?? null,
        actor: payload.actor ?? row.actorLabel,
        createdAt: row.createdAt.toISOString(),
        recipients: row.notifications.map((entry) => ({ name: entry.user.name, email: entry.user.email, readAt: entry.readAt?.toISOString() ?? null })),
      };
    }),
    nextCursor: rows.length > limit ? encodeCursor(list, creationKeyOf(page[limit - 1])) : null,
  };
}
