import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_CADENCE, NOTIFICATION_KIND_LABEL, NOTIFICATION_KINDS, type Cadence, type NotificationKind } from "@/lib/domain/notifications/kinds";
import { setNotificationPreferencesInput } from "@/lib/schemas/notification-preferences";
import type { Actor, UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { AppError, forbidden, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { readUnsubscribeToken } from "@/lib/server/notifications/email/unsubscribe-token";
import { recordActivity } from "./activity";

// How often each person hears of each kind of notification by e-mail, per
// team: their choice, or the kind's default (no row). A change is recorded in
// the team's activity, whether made on the account page or by a one-click
// unsubscribe link in an e-mail.

/** One kind as the account page lists it. */
export type NotificationSetting = { kind: NotificationKind; label: string; cadence: Cadence; defaultCadence: Cadence };

function requirePerson(actor: Actor): UserActor {
  authorize(actor, "team.read");
  if (actor.kind !== "user") throw forbidden("Only a person chooses how they hear of notifications.");
  return actor;
}

const chosenCadences = async (client: Prisma.TransactionClient, userId: string, teamId: string) =>
  new Map((await client.notificationPreference.findMany({ where: { userId, teamId }, select: { kind: true, cadence: true } })).map((row) => [row.kind as NotificationKind, row.cadence as Cadence]));

/** Every kind, in settings order, with the person's cadence in the actor's team. FORBIDDEN for anyone but a person. */
export async function notificationSettings(actor: Actor): Promise<NotificationSetting[]> {
  const person = requirePerson(actor);
  const chosen = await chosenCadences(db, person.userId, person.teamId);
  return NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABEL[kind], cadence: chosen.get(kind) ?? DEFAULT_CADENCE[kind], defaultCadence: DEFAULT_CADENCE[kind] }));
}

// Writes the cadences that differ from what is stored (a kind set back to its
// default keeps a row, so it does not follow a later change of default) and
// records them as one activity. Returns the kinds changed.
async function applyCadences(tx: Prisma.TransactionClient, actor: UserActor, cadences: Partial<Record<NotificationKind, Cadence>>, action: string): Promise<NotificationKind[]> {
  const chosen = await chosenCadences(tx, actor.userId, actor.teamId);
  const before: Record<string, Cadence> = {};
  const after: Record<string, Cadence> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const wanted = cadences[kind];
    const current = chosen.get(kind) ?? DEFAULT_CADENCE[kind];
    if (!wanted || wanted === current) continue;
    await tx.notificationPreference.upsert({
      where: { userId_teamId_kind: { userId: actor.userId, teamId: actor.teamId, kind } },
      create: { userId: actor.userId, teamId: actor.teamId, kind, cadence: wanted },
      update: { cadence: wanted },
    });
    before[kind] = current;
    after[kind] = wanted;
  }
  const changed = Object.keys(after) as NotificationKind[];
  if (changed.length > 0) {
    const membership = await tx.membership.findFirstOrThrow({ where: { userId: actor.userId, teamId: actor.teamId }, select: { id: true } });
    await recordActivity(tx, actor, { action, entityType: "membership", entityId: membership.id, before, after });
  }
  return changed;
}

/**
 * The person chooses how often they hear of some kinds by e-mail in the
 * actor's team. Input: `setNotificationPreferencesInput`. Returns the kinds
 * whose cadence changed. Errors: VALIDATION (field `cadences.<KIND>`),
 * FORBIDDEN for anyone but a person.
 */
export async function setNotificationPreferences(actor: Actor, input: unknown): Promise<{ changed: NotificationKind[] }> {
  const person = requirePerson(actor);
  const { cadences } = parseInput(setNotificationPreferencesInput, input);
  const changed = await db.$transaction((tx) => applyCadences(tx, person, cadences, "notifications.preferencesChanged"));
  return { changed };
}

/**
 * A one-click unsubscribe from an e-mail: turns the token's kinds off for its
 * person in its team, with no session (the signed token is the proof).
 * Idempotent. Returns the kinds and the team's name. Errors: VALIDATION for a
 * malformed, tampered or foreign token; NOT_FOUND when the person is no
 * longer in the team.
 */
export async function unsubscribeWithToken(token: unknown): Promise<{ kinds: NotificationKind[]; teamName: string }> {
  const subject = typeof token === "string" && token.length <= 2_000 ? readUnsubscribeToken(token) : null;
  if (!subject) throw new AppError("VALIDATION", "This unsubscribe link is not valid.", { token: ["This unsubscribe link is not valid."] });
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { userId: subject.userId, teamId: subject.teamId },
      select: { role: true, user: { select: { id: true, name: true, email: true } }, team: { select: { name: true, timeZone: true } } },
    });
    if (!membership) throw new AppError("NOT_FOUND", "You are no longer in this team, so it sends you nothing.");
    const actor: UserActor = {
      kind: "user",
      userId: membership.user.id,
      name: membership.user.name,
      email: membership.user.email,
      teamId: subject.teamId,
      role: membership.role,
      timeZone: membership.team.timeZone,
    };
    await applyCadences(tx, actor, Object.fromEntries(subject.kinds.map((kind) => [kind, "OFF" as const])), "notifications.unsubscribed");
    return { kinds: subject.kinds, teamName: membership.team.name };
  });
}
