import type http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runDeliveryPass } from "@/lib/server/jobs/webhooks";
import { db } from "@/lib/server/kernel/db";
import { emitNotification } from "@/lib/server/notifications/outbox";
import { createWebhook, listWebhooks, sendTestWebhook } from "@/lib/server/services/webhooks";
import { loopbackAllowed, nothingAllowed, startHttpServer, type Listening } from "../support/check-targets";
import { teamWith } from "../support/fixtures";
import { catalogueProject, failure } from "../support/readiness";
import { withSealingKey } from "../support/sealing-key";

// Chat and webhook destinations against hostile input and misbehaving
// receivers on loopback: private addresses in every spelling, receivers that
// redirect, hang or answer with giant bodies, and what is kept at rest.

type Received = { path: string; at: number };
let receiver: Listening<http.Server>;
const received: Received[] = [];
const hanging = new Set<http.ServerResponse>();

beforeAll(async () => {
  receiver = await startHttpServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, at: Date.now() });
      if (path.startsWith("/hang")) return void hanging.add(response);
      if (path === "/redirect") return void response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (path === "/giant") return void response.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(5_000_000));
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
});
afterAll(() => receiver.close());

const KEY = "webhooks-hostile-sealing-key-0123456789abcdef";
withSealingKey(KEY);
afterEach(() => {
  received.length = 0;
  for (const response of hanging) response.destroy();
  hanging.clear();
});

const context = { network: loopbackAllowed, appUrl: "https://shipshape.example.com" };
const options = { context };
const url = (path: string) => `http://127.0.0.1:${receiver.port}${path}`;

async function world() {
  const { teamId, actors } = await teamWith(["ADMIN", "LEAD", "ENGINEER"]);
  const [admin, lead, engineer] = actors;
  const projectId = await catalogueProject(lead, ["security"]);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } });
  return { teamId, admin, lead, engineer, project };
}

const emit = (w: Awaited<ReturnType<typeof world>>, summary = "Lena assigned you security.headers") =>
  db.$transaction((tx) => emitNotification(tx, w.lead, { kind: "ITEM_ASSIGNED", project: w.project, summary, link: "/", recipientIds: [w.engineer.userId] }));

describe("chat and webhook destinations against hostile input", () => {
  it("refuses loopback, private and metadata addresses in every spelling", async () => {
    const w = await world();
    for (const address of [
      "https://[::ffff:127.0.0.1]/h",
      "https://[::ffff:7f00:1]/h",
      "https://[::ffff:a9fe:a9fe]/h",
      "https://[::1]/h",
      "https://2130706433/h",
      "https://0177.0.0.1/h",
      "https://0x7f.1/h",
      "https://[::ffff:10.0.0.1]/h",
      "https://[fd00::1]/h",
      "https://[64:ff9b::a9fe:a9fe]/h",
      "https://0.0.0.0/h",
      "https://169.254.169.254/h",
    ]) {
      const refused = await failure(createWebhook(w.lead, { url: address, format: "slack" }, { context: { network: nothingAllowed } }));
      expect(refused.code, address).toBe("VALIDATION");
      expect(refused.fields?.url?.[0], address).toMatch(/^This address cannot receive messages/);
    }
    expect(await listWebhooks(w.lead)).toEqual([]);
  });

  it("does not follow a receiver's redirect, and keeps a giant answer bounded", async () => {
    const w = await world();
    const { webhook } = await createWebhook(w.lead, { url: url("/redirect"), format: "slack" }, options);
    const redirected = await sendTestWebhook(w.lead, { webhookId: webhook.id }, options);
    expect(redirected).toMatchObject({ status: "FAILED", error: "The receiver redirected; give its final address." });
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
    const { webhook: giant } = await createWebhook(w.lead, { url: url("/giant"), format: "slack" }, options);
    const answered = await sendTestWebhook(w.lead, { webhookId: giant.id }, options);
    expect(answered).toMatchObject({ status: "SUCCEEDED", statusCode: 200 });
    expect(answered.response!.length).toBeLessThanOrEqual(500);
  });

  it("does not let a hanging receiver hold up other destinations' deliveries", { timeout: 60_000 }, async () => {
    const slow = await world();
    const fast = await world();
    const { webhook: hung } = await createWebhook(slow.lead, { url: url("/hang"), format: "slack" }, options);
    await createWebhook(fast.lead, { url: url("/fast"), format: "slack" }, options);
    for (let i = 0; i < 16; i += 1) await emit(slow, `Event ${i}`);
    await emit(fast);
    const started = Date.now();
    const pass = runDeliveryPass(context, new Date());
    await expect.poll(() => received.some((r) => r.path === "/fast"), { timeout: 5_000 }).toBe(true);
    expect(received.find((r) => r.path === "/fast")!.at - started).toBeLessThan(3_000);
    await pass;
    // The hanging receiver is not waited on sixteen times in one pass: the rest wait for a later one.
    expect(received.filter((r) => r.path === "/hang").length).toBeLessThanOrEqual(2);
    const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: hung.id } });
    expect(deliveries).toHaveLength(16);
    expect(deliveries.filter((d) => d.attempts > 0).length).toBeLessThanOrEqual(2);
    expect(deliveries.every((d) => d.status === "PENDING")).toBe(true);
  });

  it("keeps a chat destination's address sealed at rest and out of every answer, and still posts to it", async () => {
    const w = await world();
    const address = url("/slack/T0/B0/xoxsecretpart");
    const { webhook } = await createWebhook(w.lead, { url: address, format: "slack" }, options);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.sealedUrl).toMatch(/^v1\./);
    expect(row.url).toBe(`http://127.0.0.1:${receiver.port}/…part`);
    const everything = JSON.stringify([row, webhook, await listWebhooks(w.lead), await db.activity.findMany({ where: { teamId: w.teamId } })]);
    expect(everything).not.toContain("xoxsecret");
    await emit(w);
    await runDeliveryPass(context, new Date());
    expect(received.map((r) => r.path)).toEqual(["/slack/T0/B0/xoxsecretpart"]);
    expect(await sendTestWebhook(w.lead, { webhookId: webhook.id }, options)).toMatchObject({ status: "SUCCEEDED" });

    // Without the key the address cannot be sealed: refused, nothing stored.
    delete process.env.SHIPSHAPE_SECRET_KEY;
    try {
      expect((await failure(createWebhook(w.lead, { url: url("/teams"), format: "teams" }, options))).code).toBe("UNAVAILABLE");
    } finally {
      process.env.SHIPSHAPE_SECRET_KEY = KEY;
    }
    expect(await listWebhooks(w.lead)).toHaveLength(1);
  });

  it("goes on posting to a chat address stored in clear before addresses were sealed, and seals it", async () => {
    const w = await world();
    const { webhook } = await createWebhook(w.lead, { url: url("/unused"), format: "teams" }, options);
    // As a row stored before: the address in clear, nothing sealed.
    await db.webhook.update({ where: { id: webhook.id }, data: { url: url("/teams/legacysecret"), sealedUrl: null, keyId: null } });
    expect((await listWebhooks(w.lead))[0].url).toBe(`http://127.0.0.1:${receiver.port}/…cret`);
    await emit(w);
    await runDeliveryPass(context, new Date());
    expect(received.map((r) => r.path)).toEqual(["/teams/legacysecret"]);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.sealedUrl).toMatch(/^v1\./);
    expect(row.url).not.toContain("legacysecret");
    expect((await listWebhooks(w.lead))[0].url).toBe(`http://127.0.0.1:${receiver.port}/…cret`);
    expect(await sendTestWebhook(w.lead, { webhookId: webhook.id }, options)).toMatchObject({ status: "SUCCEEDED" });
    expect(received.map((r) => r.path)).toEqual(["/teams/legacysecret", "/teams/legacysecret"]);
  });
});
