// Which notifications go into which e-mail, given each person's cadences and
// what was mailed before. Pure: the job (lib/server/jobs/notification-mail.ts)
// loads the facts, asks for a plan, and claims each planned message under its
// key before sending it (docs/adr/*-notification-email.md).
//
// - Immediate: a person's unmailed immediate notifications in a team wait
//   FOLD_MS after the first of them, then go out together in one message, so
//   several events about one item within a few minutes make one e-mail.
// - At most IMMEDIATE_PER_HOUR immediate messages per person in any hour;
//   a batch over the limit is recorded as deferred, and its notifications go
//   into the next daily digest.
// - Digests: at 08:00 in the team's zone, daily every day and weekly on
//   Mondays, with what came before that moment and was not mailed yet.
// - Nothing read in the inbox before a message goes out is mailed.
import type { Cadence, NotificationKind } from "./kinds";
import { dailySlot, isoWeek, weeklySlot } from "./digest-slots";

/** How long immediate notifications wait after the first of a batch, in milliseconds. */
export const FOLD_MS = 2 * 60_000;
/** Immediate messages a person receives in any hour at most. */
export const IMMEDIATE_PER_HOUR = 6;
const HOUR_MS = 60 * 60_000;
/** How far back the job looks for notifications not mailed yet, in days (past the longest digest's reach, with room for an outage). */
export const LOOKBACK_DAYS = 15;

export type MailCadence = "immediate" | "daily" | "weekly";

/** A person's inbox entry as far as mailing it goes. */
export type MailableNotification = { id: string; userId: string; teamId: string; kind: NotificationKind; createdAt: Date; readAt: Date | null };

/** A message claimed before (any status). DEFERRED ones hand their notifications on to the daily digest. */
export type PastDelivery = {
  key: string;
  userId: string;
  cadence: MailCadence;
  status: "CLAIMED" | "SENT" | "RETRY" | "FAILED" | "ABANDONED" | "DEFERRED";
  notificationIds: readonly string[];
  claimedAt: Date;
};

export type PlanInput = {
  now: Date;
  /** Every notification created in the last LOOKBACK_DAYS days (or fewer: those of some people only). */
  notifications: readonly MailableNotification[];
  /** Every delivery claimed since the oldest of `notifications` was created, and the immediate ones of the last hour. */
  deliveries: readonly PastDelivery[];
  /** The person's cadence for the kind in the team (their choice, or the kind's default). */
  cadenceOf: (userId: string, teamId: string, kind: NotificationKind) => Cadence;
  /** The team's IANA time zone. */
  timeZoneOf: (teamId: string) => string;
};

/** One message to claim under `key`. A `deferred` one is claimed but not sent: its notifications go to the next daily digest. */
export type PlannedMessage = { key: string; cadence: MailCadence; userId: string; teamId: string; notificationIds: string[]; deferred: boolean };

export const immediateKey = (userId: string, teamId: string, firstId: string) => `immediate:${userId}:${teamId}:${firstId}`;
export const dailyKey = (userId: string, teamId: string, day: string) => `daily:${userId}:${teamId}:${day}`;
export const weeklyKey = (userId: string, teamId: string, week: string) => `weekly:${userId}:${teamId}:${week}`;

const byAge = (a: MailableNotification, b: MailableNotification) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether the person had read the entry by `now`. */
const readBy = (notification: MailableNotification, now: Date) => notification.readAt !== null && notification.readAt.getTime() <= now.getTime();

/**
 * The messages due at `now`, oldest first within each cadence. Each
 * notification is in at most one of them and in none that an earlier
 * delivery covers (other than a deferred one, whose notifications the daily
 * digest takes); no key is one already claimed.
 */
export function planEmails(input: PlanInput): PlannedMessage[] {
  const { now, cadenceOf, timeZoneOf } = input;
  const claimedKeys = new Set(input.deliveries.map((delivery) => delivery.key));
  const covered = new Set<string>();
  const deferred = new Set<string>();
  for (const delivery of input.deliveries) for (const id of delivery.notificationIds) (delivery.status === "DEFERRED" ? deferred : covered).add(id);

  const groups = new Map<string, MailableNotification[]>();
  for (const notification of input.notifications) {
    if (covered.has(notification.id) || readBy(notification, now) || notification.createdAt.getTime() > now.getTime()) continue;
    const group = `${notification.userId}:${notification.teamId}`;
    groups.set(group, [...(groups.get(group) ?? []), notification]);
  }

  const immediate: PlannedMessage[] = [];
  const digests: PlannedMessage[] = [];
  for (const entries of groups.values()) {
    entries.sort(byAge);
    const { userId, teamId } = entries[0];
    const cadence = (entry: MailableNotification) => cadenceOf(userId, teamId, entry.kind);

    const waiting = entries.filter((entry) => cadence(entry) === "IMMEDIATE" && !deferred.has(entry.id));
    if (waiting.length > 0 && now.getTime() - waiting[0].createdAt.getTime() >= FOLD_MS) {
      const key = immediateKey(userId, teamId, waiting[0].id);
      if (!claimedKeys.has(key)) immediate.push({ key, cadence: "immediate", userId, teamId, notificationIds: waiting.map((entry) => entry.id), deferred: false });
    }

    const zone = timeZoneOf(teamId);
    const daily = dailySlot(now, zone);
    const dailyIds = entries
      .filter((entry) => entry.createdAt.getTime() < daily.at.getTime())
      .filter((entry) => cadence(entry) === "DAILY" || (deferred.has(entry.id) && cadence(entry) !== "OFF"))
      .map((entry) => entry.id);
    const dailyMessageKey = dailyKey(userId, teamId, daily.day);
    if (dailyIds.length > 0 && !claimedKeys.has(dailyMessageKey)) digests.push({ key: dailyMessageKey, cadence: "daily", userId, teamId, notificationIds: dailyIds, deferred: false });

    const weekly = weeklySlot(now, zone);
    const weeklyIds = entries
      .filter((entry) => entry.createdAt.getTime() < weekly.at.getTime() && cadence(entry) === "WEEKLY" && !deferred.has(entry.id))
      .map((entry) => entry.id);
    const weeklyMessageKey = weeklyKey(userId, teamId, isoWeek(weekly.day));
    if (weeklyIds.length > 0 && !claimedKeys.has(weeklyMessageKey)) digests.push({ key: weeklyMessageKey, cadence: "weekly", userId, teamId, notificationIds: weeklyIds, deferred: false });
  }

  // The hourly limit, per person across their teams: batches in the order their first notification came.
  const sentLastHour = new Map<string, number>();
  for (const delivery of input.deliveries) {
    if (delivery.cadence !== "immediate" || delivery.status === "DEFERRED" || now.getTime() - delivery.claimedAt.getTime() >= HOUR_MS) continue;
    sentLastHour.set(delivery.userId, (sentLastHour.get(delivery.userId) ?? 0) + 1);
  }
  const firstCreated = new Map(input.notifications.map((entry) => [entry.id, entry.createdAt.getTime()]));
  immediate.sort((a, b) => firstCreated.get(a.notificationIds[0])! - firstCreated.get(b.notificationIds[0])! || (a.key < b.key ? -1 : 1));
  for (const message of immediate) {
    const sent = sentLastHour.get(message.userId) ?? 0;
    if (sent >= IMMEDIATE_PER_HOUR) message.deferred = true;
    else sentLastHour.set(message.userId, sent + 1);
  }
  return [...immediate, ...digests];
}
