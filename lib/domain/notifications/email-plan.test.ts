import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CADENCE, NOTIFICATION_KINDS, type Cadence, type NotificationKind } from "./kinds";
import { FOLD_MS, IMMEDIATE_PER_HOUR, planEmails, type MailableNotification, type PastDelivery, type PlannedMessage } from "./email-plan";

const at = (iso: string) => new Date(iso);
const minutes = (base: string, m: number) => new Date(at(base).getTime() + m * 60_000);
let serial = 0;
const entry = (kind: NotificationKind, createdAt: Date, more: Partial<MailableNotification> = {}): MailableNotification => ({
  id: `n${String(++serial).padStart(4, "0")}`,
  userId: "u1",
  teamId: "t1",
  kind,
  createdAt,
  readAt: null,
  ...more,
});
const defaults = (_u: string, _t: string, kind: NotificationKind): Cadence => DEFAULT_CADENCE[kind];
const plan = (now: Date, notifications: MailableNotification[], deliveries: PastDelivery[] = [], zone = "UTC") =>
  planEmails({ now, notifications, deliveries, cadenceOf: defaults, timeZoneOf: () => zone });
const delivered = (message: PlannedMessage, claimedAt: Date): PastDelivery => ({
  key: message.key,
  userId: message.userId,
  cadence: message.cadence,
  status: message.deferred ? "DEFERRED" : "SENT",
  notificationIds: message.notificationIds,
  claimedAt,
});

describe("which notifications go into which e-mail", () => {
  it("holds immediate ones two minutes after the first, then sends the batch as one message", () => {
    const base = "2026-12-01T10:00:00Z";
    const first = entry("ITEM_ASSIGNED", at(base));
    const second = entry("MENTIONED", minutes(base, 1.5));
    expect(plan(minutes(base, 1.9), [first, second])).toEqual([]);
    const [message, ...rest] = plan(minutes(base, 2), [first, second]);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ key: `immediate:u1:t1:${first.id}`, cadence: "immediate", notificationIds: [first.id, second.id], deferred: false });
    // Claimed: nothing more to send for them.
    expect(plan(minutes(base, 3), [first, second], [delivered(message, minutes(base, 2))])).toEqual([]);
  });

  it("leaves out what was read in the inbox before the message went out", () => {
    const base = "2026-12-01T10:00:00Z";
    const read = entry("ITEM_ASSIGNED", at(base), { readAt: minutes(base, 1) });
    const unread = entry("ITEM_ASSIGNED", minutes(base, 1));
    expect(plan(minutes(base, 3), [read, unread]).map((m) => m.notificationIds)).toEqual([[unread.id]]);
    expect(plan(minutes(base, 3), [read])).toEqual([]);
  });

  it("defers immediate messages over the hourly limit to the next daily digest", () => {
    const base = "2026-12-01T10:00:00Z";
    const deliveries: PastDelivery[] = [];
    let deferredMessage: PlannedMessage | undefined;
    const all: MailableNotification[] = [];
    for (let i = 0; i <= IMMEDIATE_PER_HOUR; i += 1) {
      const created = minutes(base, i * 5);
      const notification = entry("ITEM_ASSIGNED", created);
      all.push(notification);
      const [message] = plan(minutes(base, i * 5 + 2), all, deliveries);
      expect(message.notificationIds).toEqual([notification.id]);
      expect(message.deferred).toBe(i === IMMEDIATE_PER_HOUR);
      if (message.deferred) deferredMessage = message;
      deliveries.push(delivered(message, minutes(base, i * 5 + 2)));
    }
    // The next morning's digest takes it.
    const digest = plan(at("2026-12-02T08:00:00Z"), all, deliveries);
    expect(digest).toEqual([expect.objectContaining({ key: "daily:u1:t1:2026-12-02", cadence: "daily", notificationIds: deferredMessage!.notificationIds })]);
  });

  it("sends the daily digest at 08:00 in the team's zone with what came before it, and the weekly one on Monday", () => {
    const sunday = entry("COMMENT_ADDED", at("2026-12-06T12:00:00Z"), { teamId: "t2" });
    const level = entry("LEVEL_RAISED", at("2026-12-02T12:00:00Z"), { teamId: "t2" });
    const lateComment = entry("COMMENT_ADDED", at("2026-12-07T13:30:00Z"), { teamId: "t2" });
    const notifications = [sunday, level, lateComment];
    // Monday 2026-12-07 08:00 in New York is 13:00 UTC.
    expect(plan(at("2026-12-07T12:59:00Z"), notifications, [{ key: "daily:u1:t2:2026-12-06", userId: "u1", cadence: "daily", status: "SENT", notificationIds: [], claimedAt: at("2026-12-06T13:00:00Z") }, { key: "weekly:u1:t2:2026-W49", userId: "u1", cadence: "weekly", status: "SENT", notificationIds: [], claimedAt: at("2026-11-30T13:00:00Z") }], "America/New_York")).toEqual([]);
    const messages = plan(at("2026-12-07T14:00:00Z"), notifications, [], "America/New_York");
    expect(messages).toEqual([
      expect.objectContaining({ key: "daily:u1:t2:2026-12-07", notificationIds: [sunday.id] }),
      expect.objectContaining({ key: "weekly:u1:t2:2026-W50", notificationIds: [level.id] }),
    ]);
  });

  it("mails nothing of a kind turned off", () => {
    const base = "2026-12-01T10:00:00Z";
    const off = (_u: string, _t: string, kind: NotificationKind): Cadence => (kind === "ITEM_ASSIGNED" ? "OFF" : DEFAULT_CADENCE[kind]);
    const notifications = [entry("ITEM_ASSIGNED", at(base))];
    expect(planEmails({ now: at("2026-12-03T09:00:00Z"), notifications, deliveries: [], cadenceOf: off, timeZoneOf: () => "UTC" })).toEqual([]);
  });
});

describe("e-mail plans, whatever happens", () => {
  const kind = fc.constantFrom(...NOTIFICATION_KINDS);
  const cadence = fc.constantFrom<Cadence>("IMMEDIATE", "DAILY", "WEEKLY", "OFF");
  const start = at("2026-11-20T00:00:00Z").getTime();
  const notification = fc.record({
    userId: fc.constantFrom("u1", "u2"),
    teamId: fc.constantFrom("t1", "t2"),
    kind,
    minute: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    readAfter: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 })),
  });
  const world = fc.record({
    notifications: fc.array(notification, { maxLength: 40 }),
    prefs: fc.dictionary(fc.constantFrom(...NOTIFICATION_KINDS), cadence),
    passes: fc.array(fc.integer({ min: 1, max: 24 * 60 }), { minLength: 1, maxLength: 40 }),
  });

  it("mails each notification at most once, never a read or switched-off one, never under a claimed key, and keeps the hourly limit", () => {
    fc.assert(
      fc.property(world, ({ notifications: drafts, prefs, passes }) => {
        const notifications = drafts.map((draft, index) => ({
          id: `n${String(index).padStart(3, "0")}`,
          userId: draft.userId,
          teamId: draft.teamId,
          kind: draft.kind,
          createdAt: new Date(start + draft.minute * 60_000),
          readAt: draft.readAfter === null ? null : new Date(start + (draft.minute + draft.readAfter) * 60_000),
        }));
        const cadenceOf = (_u: string, _t: string, k: NotificationKind) => prefs[k] ?? DEFAULT_CADENCE[k];
        const zones: Record<string, string> = { t1: "Pacific/Auckland", t2: "America/New_York" };
        const deliveries: PastDelivery[] = [];
        const mailed = new Set<string>();
        let now = start;
        for (const step of passes) {
          now += step * 60_000;
          const messages = planEmails({ now: new Date(now), notifications, deliveries, cadenceOf, timeZoneOf: (t) => zones[t] });
          const keys = new Set(deliveries.map((d) => d.key));
          for (const message of messages) {
            expect(keys.has(message.key)).toBe(false);
            keys.add(message.key);
            for (const id of message.notificationIds) {
              const n = notifications.find((x) => x.id === id)!;
              expect(n.userId).toBe(message.userId);
              expect(n.teamId).toBe(message.teamId);
              expect(n.readAt === null || n.readAt.getTime() > now).toBe(true);
              expect(n.createdAt.getTime()).toBeLessThanOrEqual(now);
              expect(cadenceOf(n.userId, n.teamId, n.kind)).not.toBe("OFF");
              if (!message.deferred) {
                expect(mailed.has(id)).toBe(false);
                mailed.add(id);
              }
            }
            deliveries.push(delivered(message, new Date(now)));
          }
          for (const userId of ["u1", "u2"]) {
            const lastHour = deliveries.filter((d) => d.userId === userId && d.cadence === "immediate" && d.status !== "DEFERRED" && now - d.claimedAt.getTime() < 3_600_000);
            expect(lastHour.length).toBeLessThanOrEqual(IMMEDIATE_PER_HOUR);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never sends an immediate message before its first notification has waited the fold", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 15 }), (offsets, nowMinute) => {
        const notifications = offsets.map((m, i) => ({ id: `n${i}`, userId: "u1", teamId: "t1", kind: "ITEM_ASSIGNED" as const, createdAt: new Date(start + m * 60_000), readAt: null }));
        const now = new Date(start + nowMinute * 60_000);
        const messages = planEmails({ now, notifications, deliveries: [], cadenceOf: defaults, timeZoneOf: () => "UTC" });
        const due = notifications.filter((n) => n.createdAt <= now);
        const first = Math.min(...due.map((n) => n.createdAt.getTime()));
        if (due.length === 0 || now.getTime() - first < FOLD_MS) expect(messages).toEqual([]);
        else expect(messages).toEqual([expect.objectContaining({ cadence: "immediate", notificationIds: expect.arrayContaining(due.map((n) => n.id)) })]);
      }),
    );
  });
});
