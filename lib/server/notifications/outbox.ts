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
  const [event] = await tx.notificationEvent.createManyAndReturn({
    data: [eventRow(actor, draft)],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!event) return null;
  await writeInbox(
    tx,
    actor,
    draft.recipientIds.map((userId) => ({ userId, eventId: event.id, kind: draft.kind, projectId: draft.project?.id ?? null, itemId: draft.item?.id ?? null, title: draft.summary, link: draft.link })),
  );
  return event.id;
}

function eventRow(actor: Actor, draft: Omit<NotificationDraft, "link" | "recipientIds">): Prisma.NotificationEventCreateManyInput {
  const payload: NotificationPayloadV1 = {
    v: PAYLOAD_VERSION,
    kind: draft.kind,
    summary: draft.summary,
    project: draft.project ?? null,
    item: draft.item ?? null,
    actor: shownActor(actor),
    details: draft.details ?? {},
  };
  return {
    teamId: actor.teamId,
    projectId: draft.project?.id ?? null,
    itemId: draft.item?.id ?? null,
    kind: draft.kind,
    actorUserId: actorUserId(actor),
    actorLabel: payload.actor,
    payload,
    dedupeKey: draft.dedupeKey ?? null,
  };
}

/** An event the scheduler found, recorded once under its key; who hears of it is decided after (see claimEvents). */
export type KeyedDraft = Omit<NotificationDraft, "link" | "recipientIds" | "dedupeKey"> & { dedupeKey: string };

/**
 * Records several keyed events of the actor's team in one statement, inside
 * `tx`, and writes no inbox entry: the caller folds what is new into entries
 * (writeInbox). Returns the ids of the events recorded now, by key; a key
 * recorded before (by an earlier run, or by a run at the same moment, which
 * this statement waits for) is left out. Keys are inserted in sorted order,
 * so two runs recording overlapping sets at once cannot deadlock.
 */
export async function claimEvents(tx: Prisma.TransactionClient, actor: Actor, drafts: readonly KeyedDraft[]): Promise<Map<string, string>> {
  if (drafts.length === 0) return new Map();
  const sorted = [...new Map(drafts.map((draft) => [draft.dedupeKey, draft])).values()].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
  const events = await tx.notificationEvent.createManyAndReturn({
    data: sorted.map((draft) => eventRow(actor, draft)),
    skipDuplicates: true,
    select: { id: true, dedupeKey: true },
  });
  return new Map(events.map((event) => [event.dedupeKey!, event.id]));
}

/** One person's inbox entry for an event (Notification): `title` one line, `link` a path in the app. */
export type InboxEntry = { userId: string; eventId: string; kind: NotificationKind; projectId: string | null; itemId: string | null; title: string; link: string };

/**
 * Writes inbox entries in the actor's team, inside `tx`, in two statements:
 * the actor and anyone not in the team now are left out, and an entry
 * already written for the same event and person is not written again.
 */
export async function writeInbox(tx: Prisma.TransactionClient, actor: Actor, entries: readonly InboxEntry[]): Promise<void> {
  const self = actorUserId(actor);
  const wanted = entries.filter((entry) => entry.userId !== self);
  if (wanted.length === 0) return;
  // Only people who are in the team now: someone removed since hears nothing of it.
  const members = await tx.membership.findMany({ where: { teamId: actor.teamId, userId: { in: [...new Set(wanted.map((entry) => entry.userId))] } }, select: { userId: true } });
  const inTeam = new Set(members.map((member) => member.userId));
  await tx.notification.createMany({
    data: wanted.filter((entry) => inTeam.has(entry.userId)).map((entry) => ({ teamId: actor.teamId, ...entry })),
    skipDuplicates: true,
  });
}
