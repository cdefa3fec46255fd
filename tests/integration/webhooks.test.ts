import type http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/domain/notifications/webhook-formats";
import { runDeliveryPass } from "@/lib/server/jobs/webhooks";
import { db } from "@/lib/server/kernel/db";
import { emitNotification } from "@/lib/server/notifications/outbox";
import { createWebhook, deleteWebhook, listWebhooks, sendTestWebhook } from "@/lib/server/services/webhooks";
import { loopbackAllowed, nothingAllowed, startHttpServer, tableLookup, type Listening } from "../support/check-targets";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, code, failure } from "../support/readiness";
import { withSealingKey } from "../support/sealing-key";

// Chat and webhook destinations against a real receiver on loopback: what
// Slack, Teams and JSON destinations receive, the JSON signature checked the
// way docs/webhooks.md tells receivers to, retries after 5xx, turning a
// failing destination off with a notification, the network guard, tenancy
// and permissions. Deliveries are made by calling one pass with a clock.

type Received = { headers: http.IncomingHttpHeaders; body: string; path: string };
let receiver: Listening<http.Server>;
const received: Received[] = [];
// The status each path answers with, in turn (the last repeats); 200 by default.
const answers = new Map<string, number[]>();

beforeAll(async () => {
  receiver = await startHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), path });
      const queue = answers.get(path) ?? [200];
      const status = queue.length > 1 ? queue.shift()! : queue[0];
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `failure ${status} `.repeat(100));
    });
  });
});
afterAll(() => receiver.close());

const KEY = "webhooks-test-sealing-key-0123456789abcdef";
withSealingKey(KEY);
afterEach(() => {
  received.length = 0;
  answers.clear();
});

const APP_URL = "https://shipshape.example.com";
const context = (now?: Date) => ({ network: loopbackAllowed, appUrl: APP_URL, ...(now ? { now: () => now } : {}) });
const options = { context: context() };
const url = (path: string) => `http://127.0.0.1:${receiver.port}${path}`;
const at = (ms: number) => new Date(Date.now() + ms);
const MINUTE = 60_000;

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
  const [admin, lead, engineer] = actors;
  const projectId = await catalogueProject(lead, ["security"]);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } });
  return { teamId, admin, lead, engineer, project };
}

async function emit(w: Awaited<ReturnType<typeof world>>, kind: "ITEM_ASSIGNED" | "CHECK_FAILING" = "ITEM_ASSIGNED", summary = "Lena assigned you security.headers") {
  const eventId = await db.$transaction((tx) =>
    emitNotification(tx, w.lead, { kind, project: w.project, item: { id: "item-1", key: "security.headers", title: "Security <headers> & CSP" }, summary, link: "/", recipientIds: [w.engineer.userId] }),
  );
  return eventId!;
}

const deliveriesOf = (webhookId: string) => db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

describe("chat and webhook destinations", () => {
  it("posts a Slack message with a section and a link back, and a Teams card", async () => {
    const w = await world();
    const { webhook: slack, secret } = await createWebhook(w.lead, { url: url("/slack/T0/B0/secretpart"), format: "slack", events: [] }, options);
    expect(secret).toBeNull();
    expect(slack.url).toBe(`http://127.0.0.1:${receiver.port}/…part`);
    await createWebhook(w.lead, { url: url("/teams"), format: "teams", events: ["ITEM_ASSIGNED"], projectId: w.project.id }, options);
    await emit(w);
    await runDeliveryPass(context(), at(0));

    const toSlack = received.find((request) => request.path.startsWith("/slack"))!;
    const message = JSON.parse(toSlack.body);
    expect(message.text).toBe("Lena assigned you security.headers");
    expect(message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: `*Lena assigned you security.headers*\n${w.project.name} — security.headers · Security &lt;headers&gt; &amp; CSP — by ${w.lead.name}` } });
    expect(message.blocks[1].elements[0]).toMatchObject({ type: "button", url: `${APP_URL}/projects/${w.project.id}/items/item-1` });

    const toTeams = received.find((request) => request.path === "/teams")!;
    const card = JSON.parse(toTeams.body);
    expect(card.type).toBe("message");
    expect(card.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.attachments[0].content).toMatchObject({ type: "AdaptiveCard", version: "1.4", actions: [{ type: "Action.OpenUrl", url: `${APP_URL}/projects/${w.project.id}/items/item-1` }] });
    expect(card.attachments[0].content.body[0]).toMatchObject({ type: "TextBlock", text: "Lena assigned you security.headers" });

    // Delivered once: a second pass, or a pass after a "restart", sends nothing again.
    const count = received.length;
    await runDeliveryPass(context(), at(MINUTE));
    await runDeliveryPass(context(), at(10 * MINUTE));
    expect(received.length).toBe(count);
    expect((await deliveriesOf(slack.id)).map((d) => [d.status, d.attempts, d.lastStatusCode, d.lastResponse])).toEqual([["SUCCEEDED", 1, 200, "ok"]]);
  });

  it("delivers only the kinds and the project a destination asks for, and never another team's events", async () => {
    const w = await world();
    const other = await world();
    const { webhook } = await createWebhook(w.lead, { url: url("/filtered"), format: "slack", events: ["CHECK_FAILING"], projectId: w.project.id }, options);
    await emit(w, "ITEM_ASSIGNED");
    await emit(other, "CHECK_FAILING");
    await db.$transaction((tx) => emitNotification(tx, w.lead, { kind: "CHECK_FAILING", summary: "Team-wide", link: "/", recipientIds: [] }));
    const wanted = await emit(w, "CHECK_FAILING", "The check fails");
    await runDeliveryPass(context(), at(0));
    expect((await deliveriesOf(webhook.id)).map((d) => d.eventId)).toEqual([wanted]);
    expect(received.filter((r) => r.path === "/filtered").map((r) => JSON.parse(r.body).text)).toEqual(["The check fails"]);
  });

  it("signs JSON deliveries so that the documented verification accepts them, with the secret shown once", async () => {
    const w = await world();
    const { webhook, secret } = await createWebhook(w.lead, { url: url("/json"), format: "json", events: [] }, options);
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.sealedSecret).toMatch(/^v1\./);
    expect(JSON.stringify([row, await listWebhooks(w.lead), await db.activity.findMany({ where: { teamId: w.teamId } })])).not.toContain(secret!);

    const eventId = await emit(w);
    const now = new Date();
    await runDeliveryPass(context(now), now);
    const [request] = received;
    const [delivery] = await deliveriesOf(webhook.id);
    expect(request.headers["shipshape-event"]).toBe("ITEM_ASSIGNED");
    expect(request.headers["shipshape-delivery"]).toBe(delivery.id);
    const header = String(request.headers["shipshape-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    expect(verifySignature(secret!, header, request.body, nowSeconds)).toBe(true);
    expect(verifySignature(secret!, header, request.body.replace("Lena", "Lina"), nowSeconds)).toBe(false);
    expect(verifySignature("whsec_other", header, request.body, nowSeconds)).toBe(false);
    expect(verifySignature(secret!, header, request.body, nowSeconds + 301)).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toEqual({ id: eventId, type: "ITEM_ASSIGNED", createdAt: expect.any(String), data: expect.objectContaining({ v: 1, kind: "ITEM_ASSIGNED", summary: "Lena assigned you security.headers", project: w.project }) });
  });

  it("tries again after 5xx with a growing wait, then succeeds, and keeps the last answer bounded", async () => {
    const w = await world();
    answers.set("/flaky", [500, 503, 200]);
    const { webhook } = await createWebhook(w.lead, { url: url("/flaky"), format: "slack", events: [] }, options);
    await emit(w);
    const start = at(0);
    await runDeliveryPass(context(start), start);
    let [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    expect(delivery.lastResponse!.length).toBe(500);
    expect(delivery.nextAttemptAt.getTime() - start.getTime()).toBe(MINUTE);

    // Not due yet: nothing is sent.
    await runDeliveryPass(context(), new Date(start.getTime() + 30_000));
    expect(received.length).toBe(1);
    await runDeliveryPass(context(), new Date(start.getTime() + MINUTE));
    [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 2, lastStatusCode: 503 });
    expect(delivery.nextAttemptAt.getTime() - start.getTime()).toBe(3 * MINUTE);
    await runDeliveryPass(context(), new Date(start.getTime() + 3 * MINUTE));
    [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200, lastResponse: "ok" });
    expect(received.length).toBe(3);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).consecutiveFailures).toBe(0);
  });

  it("fails a 4xx other than 429 at once", async () => {
    const w = await world();
    answers.set("/gone", [410]);
    const { webhook } = await createWebhook(w.lead, { url: url("/gone"), format: "slack", events: [] }, options);
    await emit(w);
    await runDeliveryPass(context(), at(0));
    await runDeliveryPass(context(), at(5 * MINUTE));
    expect((await deliveriesOf(webhook.id)).map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([["FAILED", 1, 410]]);
  });

  it("gives up 24 hours after the first attempt", async () => {
    const w = await world();
    answers.set("/down", [502]);
    const { webhook } = await createWebhook(w.lead, { url: url("/down"), format: "slack", events: [] }, options);
    await emit(w);
    let now = at(0);
    for (let pass = 0; pass < 40; pass += 1) {
      await runDeliveryPass(context(), now);
      const [delivery] = await deliveriesOf(webhook.id);
      if (delivery.status !== "PENDING") break;
      now = delivery.nextAttemptAt;
      // The destination is not turned off by one delivery's retries in this test.
      await db.webhook.update({ where: { id: webhook.id }, data: { consecutiveFailures: 0 } });
    }
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery.status).toBe("GAVE_UP");
    expect(delivery.lastAttemptAt!.getTime() - delivery.firstAttemptAt!.getTime()).toBeLessThanOrEqual(24 * 60 * MINUTE);
    expect(delivery.attempts).toBeGreaterThan(10);
  });

  it("turns a destination off after 10 failed deliveries in a row and tells its creator and the admins", async () => {
    const w = await world();
    answers.set("/broken", [500]);
    const { webhook } = await createWebhook(w.lead, { url: url("/broken"), format: "teams", events: ["ITEM_ASSIGNED"] }, options);
    for (let i = 0; i < 10; i += 1) await emit(w);
    await runDeliveryPass(context(), at(0));
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row).toMatchObject({ enabled: false, consecutiveFailures: 10, disabledReason: expect.stringContaining("500 from the receiver") });
    expect(new Set((await deliveriesOf(webhook.id)).map((d) => d.status))).toEqual(new Set(["GAVE_UP"]));

    const notified = await db.notification.findMany({ where: { teamId: w.teamId, kind: "WEBHOOK_DISABLED" }, select: { userId: true, link: true, title: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([w.admin.userId, w.lead.userId].sort());
    expect(notified[0].title).toMatch(/^The Microsoft Teams destination http:\/\/127\.0\.0\.1:\d+\/…oken was turned off after 10 failed deliveries in a row$/);
    expect(notified[0].link).toBe(`/projects/${w.project.id}/settings#webhooks`);
    expect((await listWebhooks(w.lead))[0]).toMatchObject({ enabled: false, disabledAt: expect.any(String) });

    // Nothing more is sent to it.
    const count = received.length;
    await emit(w);
    await runDeliveryPass(context(), at(10 * MINUTE));
    expect(received.length).toBe(count);
  });

  it("refuses private and loopback addresses unless allowed, and plain http to public ones", async () => {
    const w = await world();
    const refused = await failure(createWebhook(w.lead, { url: url("/x"), format: "slack", events: [] }, { context: { network: nothingAllowed } }));
    expect(refused.fields?.url?.[0]).toMatch(/^This address cannot receive messages: 127\.0\.0\.1 is a loopback address/);
    const metadata = await failure(createWebhook(w.lead, { url: "https://metadata.test/hook", format: "json", events: [] }, { context: { network: nothingAllowed, lookup: tableLookup({ "metadata.test": ["169.254.169.254"] }) } }));
    expect(metadata.fields?.url?.[0]).toMatch(/cloud metadata address/);
    const plain = await failure(createWebhook(w.lead, { url: "http://hooks.test/x", format: "slack", events: [] }, { context: { network: nothingAllowed, lookup: tableLookup({ "hooks.test": ["93.184.216.34"] }) } }));
    expect(plain.fields).toEqual({ url: ["Use an https:// address: messages carry the team's events."] });
    expect((await failure(createWebhook(w.lead, { url: "ftp://x.test/", format: "slack" }, options))).fields).toEqual({ url: ["Use an https:// address."] });
    expect((await failure(createWebhook(w.lead, { url: url("/x"), format: "xml" }, options))).fields).toEqual({ format: ["Choose Slack, Microsoft Teams or JSON."] });

    // Judged again at every delivery: a name that now resolves to a private address is refused.
    let address = "93.184.216.34";
    const lookup = tableLookup({ "hooks.test": () => [address] });
    const { webhook } = await createWebhook(w.lead, { url: "https://hooks.test/x", format: "slack", events: [] }, { context: { network: nothingAllowed, lookup } });
    address = "10.0.0.5";
    await emit(w);
    await runDeliveryPass({ network: nothingAllowed, lookup }, at(0));
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/hooks\.test resolves to 10\.0\.0\.5, a private address/) });
  });

  it("sends a test message on demand, kept in the delivery log", async () => {
    const w = await world();
    const { webhook, secret } = await createWebhook(w.lead, { url: url("/test"), format: "json", events: [] }, options);
    const delivery = await sendTestWebhook(w.lead, { webhookId: webhook.id }, options);
    expect(delivery).toMatchObject({ kind: "TEST", status: "SUCCEEDED", statusCode: 200, attempts: 1 });
    const [request] = received;
    expect(JSON.parse(request.body)).toMatchObject({ type: "TEST", data: { kind: "TEST" } });
    expect(verifySignature(secret!, String(request.headers["shipshape-signature"]), request.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect((await listWebhooks(w.lead))[0].recentDeliveries).toEqual([delivery]);
  });

  it("belongs to its team: another team neither sees, tests nor deletes it", async () => {
    const mine = await world();
    const theirs = await world();
    const { webhook } = await createWebhook(mine.lead, { url: url("/mine"), format: "slack", events: [] }, options);
    expect(await listWebhooks(theirs.lead)).toEqual([]);
    expect(await listWebhooks(theirs.admin)).toEqual([]);
    expect(await code(deleteWebhook(theirs.lead, { webhookId: webhook.id }))).toBe("NOT_FOUND");
    expect(await code(sendTestWebhook(theirs.lead, { webhookId: webhook.id }, options))).toBe("NOT_FOUND");
    expect(await code(createWebhook(theirs.lead, { url: url("/x"), format: "slack", projectId: mine.project.id }, options))).toBe("NOT_FOUND");
    expect(await listWebhooks(mine.lead)).toHaveLength(1);
  });

  it("is managed by leads and admins only, and its adding and removal are in the activity log", async () => {
    const w = await world();
    expect(await code(createWebhook(w.engineer, { url: url("/x"), format: "slack" }, options))).toBe("FORBIDDEN");
    const { webhook } = await createWebhook(w.admin, { url: url("/x"), format: "slack", events: ["CHECK_FAILING"] }, options);
    expect(await code(listWebhooks(w.engineer))).toBe("FORBIDDEN");
    expect(await code(sendTestWebhook(w.engineer, { webhookId: webhook.id }, options))).toBe("FORBIDDEN");
    expect(await code(deleteWebhook(w.engineer, { webhookId: webhook.id }))).toBe("FORBIDDEN");
    await deleteWebhook(w.lead, { webhookId: webhook.id });
    expect(await listWebhooks(w.lead)).toEqual([]);
    expect(await activitiesOf(w.teamId, "webhook.created")).toMatchObject([{ entityId: webhook.id, after: { format: "SLACK", events: ["CHECK_FAILING"], project: null } }]);
    expect(await activitiesOf(w.teamId, "webhook.deleted")).toMatchObject([{ entityId: webhook.id, before: { format: "SLACK" } }]);
  });
});
