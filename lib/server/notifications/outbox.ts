import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import { PAYLOAD_VERSION, type NotificationPayloadV1 } from "@/lib/domain/notifications/payload";
import { actorLabel, actorUserId, type Actor } from "@/lib/server/kernel/actor";

/** An event that may notify people, as the change that causes it describes it. */
export type NotificationDraft = {
  kind: NotificationKind;
  project?: { id: string; name: string } | null;
  item?: { id: string; key: string; title: string } | null;
  /** One sentence: what happened, to what, by whom. */
  summary: string;
  details?: NotificationPayloadV1["details"];
  /** Where the inbox entry leads: a path in the app, e.g. `/projects/p1/items/i1`. */
  link: string;
  /** Who should hear of it; the actor and anyone no longer in the team are left out. */
  recipientIds: readonly string[];
  /** For events the scheduler finds: the same key is recorded once per team, however often it looks. */
  dedupeKey?: string;
};

/** How an actor is named in what people read: a person by name alone. */
export function shownActor(actor: Actor): string {
  return actor.kind === "user" ? actor.name : actor.kind === "system" ? "Shipshape" : actorLabel(actor);
}

/**
 * Writes an event to the outbox and one inbox entry per recipient, inside the
 * caller's transaction `tx` (so a change that rolls back notifies no one).
 * Returns the event's id, or null when an event with the same `dedupeKey` was
 * already recorded for the team (nothing is written then).
 */
export async function emitNotification(tx: Prisma.TransactionClient, actor: Actor, draft: NotificationDraft): Promise<string | null> {
  const payload: NotificationPayloadV1 = {
    v: PAYLOAD_VERSION,
    kind: draft.kind,
    summary: draft.summary,
    project: draft.project ?? null,
    item: draft.item ?? null,
    actor: shownActor(actor),
    details: draft.details ?? {},
  };
  const [event] = await tx.notificationEvent.createManyAndReturn({
    data: [
      {
        teamId: actor.teamId,
        projectId: draft.project?.id ?? null,
        itemId: draft.item?.id ?? null,
        kind: draft.kind,
        actorUserId: actorUserId(actor),
        actorLabel: payload.actor,
        payload,
        dedupeKey: draft.dedupeKey ?? null,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!event) return null;

  const self = actorUserId(actor);
  const wanted = [...new Set(draft.recipientIds)].filter((id) => id !== self);
  if (wanted.length === 0) return event.id;
  // Only people who are in the team now: someone removed since hears nothing of it.
  const members = await tx.membership.findMany({ where: { teamId: actor.teamId, userId: { in: wanted } }, select: { userId: true } });
  await tx.notification.createMany({
    data: members.map(({ userId }) => ({
      teamId: actor.teamId,
      userId,
      eventId: event.id,
      kind: draft.kind,
      projectId: draft.project?.id ?? null,
      itemId: draft.item?.id ?? null,
      title: draft.summary,
      link: draft.link,
    })),
    skipDuplicates: true,
  });
  return event.id;
}
