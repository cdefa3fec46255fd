// Notification e-mail end to end: a real SMTP server (smtp-server) on
// loopback receives what the mail pass sends, mailparser reads it. The clock
// is injected; each test lives in an era of its own (months apart, beyond the
// pass's look-back), so no test mails another's notifications.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import type { UserActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { emitNotification } from "@/lib/server/notifications/outbox";
import { teamWith } from "../support/fixtures";

type Mail = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };

async function mailbox() {
  const received: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      void simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
        const headers = Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()]));
        received.push({ to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", headers });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, to: (email: string) => received.filter((m) => m.to.includes(email)), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let box: Awaited<ReturnType<typeof mailbox>>;
let job: typeof import("@/lib/server/jobs/notification-mail");
let route: typeof import("@/app/api/unsubscribe/route");

beforeAll(async () => {
  box = await mailbox();
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${box.port}`);
  vi.stubEnv("MAIL_FROM", "Shipshape <shipshape@example.com>");
  vi.resetModules();
  job = await import("@/lib/server/jobs/notification-mail");
  route = await import("@/app/api/unsubscribe/route");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await box.close();
});

const at = (iso: string) => new Date(iso);
const plus = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

/** `actor` notifies `recipient` of `kind`, the entry dated `createdAt`. */
async function notify(actor: UserActor, recipient: UserActor, kind: NotificationKind, title: string, createdAt: Date, link = "/projects/p1/items/i1") {
  const eventId = await db.$transaction((tx) => emitNotification(tx, actor, { kind, summary: title, link, recipientIds: [recipient.userId] }));
  await db.notification.updateMany({ where: { eventId: eventId! }, data: { createdAt } });
  return (await db.notification.findFirstOrThrow({ where: { eventId: eventId! } })).id;
}

const pass = (now: Date, options: Parameters<typeof job.runNotificationMailPass>[0] = {}) => job.runNotificationMailPass({ ...options, now });

describe.sequential("notification e-mail", () => {
  it("folds immediate notifications within two minutes into one message, with text, accessible HTML and unsubscribe headers", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"], "Payments");
    const t = at("2027-01-11T10:00:00Z");
    await notify(lead, engineer, "ITEM_ASSIGNED", "Lena assigned you checkout.tls", t);
    await notify(lead, engineer, "MENTIONED", "Lena mentioned you on checkout.tls", plus(t, 1), "/projects/p1/items/i1#comments");

    expect(await pass(plus(t, 1.5))).toMatchObject({ sent: 0 });
    expect(box.to(engineer.email)).toHaveLength(0);
    expect(await pass(plus(t, 2))).toMatchObject({ sent: 1 });
    expect(await pass(plus(t, 3))).toMatchObject({ sent: 0 });
    const [mail, ...more] = box.to(engineer.email);
    expect(more).toHaveLength(0);
    expect(mail.subject).toMatch(/^2 notifications in Payments /);
    expect(mail.text).toContain("Lena assigned you checkout.tls");
    expect(mail.text).toContain("http://localhost:3000/projects/p1/items/i1#comments");
    expect(mail.text).toContain("Open your inbox: http://localhost:3000/inbox");
    expect(mail.html).toMatch(/<h2[^>]*>An item is assigned to you<\/h2>/);
    expect(mail.html).toContain('<a href="http://localhost:3000/projects/p1/items/i1">Lena assigned you checkout.tls</a>');
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[\w.%-]+>$/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("sends daily and weekly digests at 08:00 in each team's zone, leaving out what was read", async () => {
    const auckland = await teamWith(["LEAD", "ENGINEER"], "Kiwi", "Pacific/Auckland");
    const newYork = await teamWith(["LEAD", "ENGINEER"], "Gotham", "America/New_York");
    // Sunday 2027-02-28 14:00 UTC: Monday 03:00 in Auckland, Sunday 09:00 in New York.
    const created = at("2027-02-28T14:00:00Z");
    for (const { actors: [lead, engineer] } of [auckland, newYork]) {
      await notify(lead, engineer, "COMMENT_ADDED", "Lena commented on checkout.tls", created);
      await notify(lead, engineer, "ITEM_OVERDUE", "checkout.rollback is overdue (due 2027-02-27)", created, "/projects/p1/items/i2");
      const read = await notify(lead, engineer, "CHECK_FAILING", "The TLS check on checkout.tls fails", created);
      await db.notification.update({ where: { id: read }, data: { readAt: plus(created, 30) } });
      await notify(lead, engineer, "LEVEL_RAISED", "Checkout reached Launch ready", plus(created, -3 * 24 * 60));
    }
    const [kiwi, gotham] = [auckland.actors[1], newYork.actors[1]];
    const nameOf = async (id: string) => (await db.team.findUniqueOrThrow({ where: { id } })).name;
    const [kiwiTeam, gothamTeam] = [await nameOf(auckland.teamId), await nameOf(newYork.teamId)];

    // Monday 08:00 in Auckland is 19:00 UTC on Sunday.
    await pass(at("2027-02-28T18:59:00Z"));
    expect(box.to(kiwi.email)).toHaveLength(0);
    await pass(at("2027-02-28T19:00:00Z"));
    const kiwiMail = box.to(kiwi.email);
    expect(kiwiMail.map((m) => m.subject).sort()).toEqual([`Daily digest: 2 notifications in ${kiwiTeam}`, `Weekly digest: 1 notification in ${kiwiTeam}`]);
    expect(box.to(gotham.email)).toHaveLength(0);

    // Monday 08:00 in New York is 13:00 UTC.
    await pass(at("2027-03-01T12:59:00Z"));
    expect(box.to(gotham.email)).toHaveLength(0);
    await pass(at("2027-03-01T13:00:30Z"));
    await pass(at("2027-03-01T13:05:00Z"));
    const gothamMail = box.to(gotham.email);
    expect(gothamMail.map((m) => m.subject).sort()).toEqual([`Daily digest: 2 notifications in ${gothamTeam}`, `Weekly digest: 1 notification in ${gothamTeam}`]);
    expect(box.to(kiwi.email)).toHaveLength(2);

    const daily = gothamMail.find((m) => m.subject.startsWith("Daily"))!;
    expect(daily.text).not.toContain("The TLS check on checkout.tls fails");
    expect(daily.text).toContain("Notifications you had already read in your inbox are left out.");
    // The next morning brings nothing new.
    await pass(at("2027-03-02T13:00:00Z"));
    expect(box.to(gotham.email)).toHaveLength(2);
    console.log(`--- ${daily.subject} (to ${daily.to}) ---\n${daily.text}`);
  });

  it("unsubscribes in one click by POST, asks first on GET, and refuses a tampered token", async () => {
    const { actors: [lead, engineer], teamId } = await teamWith(["LEAD", "ENGINEER"], "Quiet");
    const t = at("2027-05-03T10:00:00Z");
    await notify(lead, engineer, "ITEM_ASSIGNED", "Lena assigned you api.limits", t);
    await pass(plus(t, 2));
    const [mail] = box.to(engineer.email);
    const link = /^<(.+)>$/.exec(mail.headers["list-unsubscribe"])![1];
    const token = new URL(link).searchParams.get("token")!;
    const preference = () => db.notificationPreference.findMany({ where: { userId: engineer.userId, teamId }, select: { kind: true, cadence: true } });

    const page = await route.GET(new Request(link));
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form method="post"[\s\S]*<button type="submit">Stop these e-mails<\/button>/);
    expect(await preference()).toEqual([]);

    const tampered = token.replace(/\.(.)/, (_, c: string) => `.${c === "e" ? "f" : "e"}`);
    const oneClick = (value: string) =>
      route.POST(new Request(`http://localhost:3000/api/unsubscribe?token=${encodeURIComponent(value)}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect((await oneClick(tampered)).status).toBe(400);
    expect((await oneClick(`${token}x`)).status).toBe(400);
    expect((await oneClick("nonsense")).status).toBe(400);
    expect(await preference()).toEqual([]);

    expect((await oneClick(token)).status).toBe(200);
    expect((await oneClick(token)).status).toBe(200);
    expect(await preference()).toEqual([{ kind: "ITEM_ASSIGNED", cadence: "OFF" }]);
    expect(await db.activity.count({ where: { teamId, action: "notifications.unsubscribed" } })).toBe(1);

    await notify(lead, engineer, "ITEM_ASSIGNED", "Lena assigned you api.quotas", plus(t, 10));
    await pass(plus(t, 13));
    await pass(at("2027-05-04T08:00:00Z"));
    expect(box.to(engineer.email)).toHaveLength(1);
  });

  it("sends each message once when two passes run at once, and never again after a process died mid-delivery", async () => {
    const { actors: [lead, engineer, other] } = await teamWith(["LEAD", "ENGINEER", "ENGINEER"], "Busy");
    const t = at("2027-07-05T10:00:00Z");
    await notify(lead, engineer, "ITEM_ASSIGNED", "Lena assigned you db.backups", t);
    await notify(lead, engineer, "WAIVER_REQUESTED", "Lena asks you to decide a waiver", plus(t, 0.5));
    await Promise.all([pass(plus(t, 2), { claimant: "a" }), pass(plus(t, 2), { claimant: "b" }), pass(plus(t, 2.1), { claimant: "c" })]);
    await pass(plus(t, 3));
    expect(box.to(engineer.email)).toHaveLength(1);
    expect(await db.emailDelivery.count({ where: { userId: engineer.userId } })).toBe(1);

    // A process claims the other's message and dies before its mail server answers.
    await notify(lead, other, "ITEM_ASSIGNED", "Lena assigned you db.restores", plus(t, 10));
    const hanging = { send: () => new Promise<void>(() => {}), close: () => {} };
    void pass(plus(t, 12), { claimant: "dies", transport: hanging });
    await vi.waitFor(async () => expect(await db.emailDelivery.count({ where: { userId: other.userId, status: "CLAIMED" } })).toBe(1));
    // Restarted, every instance finds the claim and leaves it; once it is old, it is written off, not resent.
    await pass(plus(t, 13), { claimant: "restarted" });
    await pass(plus(t, 30), { claimant: "restarted" });
    await pass(plus(t, 31), { claimant: "restarted" });
    expect(box.to(other.email)).toHaveLength(0);
    const row = await db.emailDelivery.findFirstOrThrow({ where: { userId: other.userId } });
    expect(row).toMatchObject({ status: "ABANDONED", claimedBy: "dies" });
    expect(row.lastError).toMatch(/not sent again/);
    // Nor does the next digest take up what that message covered.
    await pass(at("2027-07-06T08:00:00Z"));
    expect(box.to(other.email)).toHaveLength(0);
  });

  it("tries a message refused before hand-over again, once it is accepted", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"], "Flaky");
    const t = at("2027-08-02T10:00:00Z");
    await notify(lead, engineer, "ITEM_ASSIGNED", "Lena assigned you cdn.cache", t);
    const refusing = { send: () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION", command: "CONN" })), close: () => {} };
    expect(await pass(plus(t, 2), { transport: refusing })).toMatchObject({ retrying: 1 });
    await pass(plus(t, 3));
    expect(box.to(engineer.email)).toHaveLength(0);
    expect(await pass(plus(t, 8))).toMatchObject({ sent: 1 });
    await pass(plus(t, 20));
    expect(box.to(engineer.email)).toHaveLength(1);
    expect(await db.emailDelivery.findFirstOrThrow({ where: { userId: engineer.userId } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("sends at most six immediate e-mails an hour; the rest go to the next daily digest", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"], "Noisy");
    const t = at("2027-09-06T10:00:00Z");
    for (let i = 0; i < 8; i += 1) {
      await notify(lead, engineer, "ITEM_ASSIGNED", `Lena assigned you item ${i + 1}`, plus(t, i * 5));
      await pass(plus(t, i * 5 + 2));
    }
    const immediate = box.to(engineer.email);
    expect(immediate).toHaveLength(6);
    expect(await db.emailDelivery.count({ where: { userId: engineer.userId, status: "DEFERRED" } })).toBe(2);
    await pass(at("2027-09-07T08:00:00Z"));
    const digest = box.to(engineer.email)[6];
    expect(digest.subject).toMatch(/^Daily digest: 2 notifications in Noisy/);
    expect(digest.text).toContain("Lena assigned you item 7");
    expect(digest.text).toContain("Lena assigned you item 8");
  });

  it("does nothing at all without SMTP_URL", async () => {
    const { actors: [lead, engineer] } = await teamWith(["LEAD", "ENGINEER"], "Offline");
    const t = at("2027-11-01T10:00:00Z");
    await notify(lead, engineer, "ITEM_ASSIGNED", "Lena assigned you ops.runbook", t);
    vi.stubEnv("SMTP_URL", "");
    vi.resetModules();
    try {
      const offline = await import("@/lib/server/jobs/notification-mail");
      expect(await offline.runNotificationMailPass({ now: plus(t, 5) })).toBeNull();
      expect(await db.emailDelivery.count({ where: { userId: engineer.userId } })).toBe(0);
    } finally {
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${box.port}`);
    }
    expect(box.to(engineer.email)).toHaveLength(0);
  });
});
