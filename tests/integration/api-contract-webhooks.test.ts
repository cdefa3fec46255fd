import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/domain/notifications/webhook-formats";
import { runDeliveryPass } from "@/lib/server/jobs/webhooks";
import { db } from "@/lib/server/kernel/db";
import { emitNotification } from "@/lib/server/notifications/outbox";
import { callApi, documentedOperations, notExercised, tokenFor } from "../support/api";
import { startHttpServer, type Listening } from "../support/check-targets";
import { teamWith } from "../support/fixtures";
import { catalogueProject } from "../support/readiness";

// /api/v1/webhooks as a script uses it, each answer checked against the
// OpenAPI document: the secret once, a list without it, a test message, and
// another team's destination out of reach. The operator allows loopback here
// (CHECKS_ALLOWED_NETWORKS), as an internal receiver would be allowed.

let receiver: Listening<http.Server>;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const previousNetworks = process.env.CHECKS_ALLOWED_NETWORKS;
const previousKey = process.env.SHIPSHAPE_SECRET_KEY;

beforeAll(async () => {
  process.env.CHECKS_ALLOWED_NETWORKS = "127.0.0.0/8";
  process.env.SHIPSHAPE_SECRET_KEY = "api-contract-webhooks-key-0123456789abcdef";
  receiver = await startHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(request.url === "/broken" ? 500 : 204).end();
    });
  });
});
afterAll(async () => {
  await receiver.close();
  for (const [name, value] of [["CHECKS_ALLOWED_NETWORKS", previousNetworks], ["SHIPSHAPE_SECRET_KEY", previousKey]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the webhooks API", () => {
  it("adds a signed JSON destination with its secret once, lists it without, tests and removes it", async () => {
    const { actors: [admin, lead] } = await teamWith(["ADMIN", "LEAD"]);
    const write = (await tokenFor(admin, "write")).secret;
    const read = (await tokenFor(admin, "read")).secret;
    const url = `http://127.0.0.1:${receiver.port}/hooks/shipshape`;

    const bad = await callApi("POST", "/api/v1/webhooks", { token: write, body: { url: "https://x.test/", format: "xml", events: ["NOPE"] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["events.0", "format"]);
    expect((await callApi("POST", "/api/v1/webhooks", { token: read, body: { url, format: "json" } })).status).toBe(403);

    const created = await callApi("POST", "/api/v1/webhooks", { token: write, body: { url, format: "json", events: ["ITEM_ASSIGNED"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ format: "JSON", url: `http://127.0.0.1:${receiver.port}/…hape`, events: ["ITEM_ASSIGNED"], project: null, enabled: true, createdBy: "API token “write token”", recentDeliveries: [] });
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);

    const listed = await callApi("GET", "/api/v1/webhooks", { token: write });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.data[0]).not.toHaveProperty("secret");

    const tested = await callApi("POST", `/api/v1/webhooks/${created.body.id}/test`, { token: write });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ kind: "TEST", status: "SUCCEEDED", statusCode: 204 });
    const [request] = received;
    expect(verifySignature(secret, String(request.headers["shipshape-signature"]), request.body, Math.floor(Date.now() / 1000))).toBe(true);

    // A real event, delivered by a pass, shows in the list's last deliveries.
    await db.$transaction((tx) => emitNotification(tx, lead, { kind: "ITEM_ASSIGNED", summary: "Assigned", link: "/", recipientIds: [admin.userId] }));
    await runDeliveryPass({ appUrl: "https://shipshape.example.com" });
    const after = await callApi("GET", "/api/v1/webhooks", { token: write });
    expect(after.body.data[0].recentDeliveries.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
      ["ITEM_ASSIGNED", "SUCCEEDED"],
      ["TEST", "SUCCEEDED"],
    ]);

    const other = (await teamWith(["ADMIN"])).actors[0];
    const theirs = (await tokenFor(other, "write")).secret;
    expect((await callApi("DELETE", `/api/v1/webhooks/${created.body.id}`, { token: theirs })).status).toBe(404);
    expect((await callApi("POST", `/api/v1/webhooks/${created.body.id}/test`, { token: theirs })).status).toBe(404);
    expect((await callApi("GET", "/api/v1/webhooks", { token: theirs })).body).toEqual({ data: [] });

    expect((await callApi("DELETE", `/api/v1/webhooks/${created.body.id}`, { token: write })).status).toBe(204);
    expect((await callApi("DELETE", `/api/v1/webhooks/${created.body.id}`, { token: write })).status).toBe(404);
  });

  it("refuses an address the guard does not allow as a field error", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const write = (await tokenFor(admin, "write")).secret;
    const refused = await callApi("POST", "/api/v1/webhooks", { token: write, body: { url: "http://10.1.2.3/hook", format: "slack" } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.url[0]).toMatch(/10\.1\.2\.3 is a private address/);
  });
});

describe("the webhooks API against careless and hostile input", () => {
  it("answers every bad input with a field-level 4xx and stores nothing", async () => {
    const { actors: [admin] } = await teamWith(["ADMIN"]);
    const other = (await teamWith(["ADMIN"])).actors[0];
    const theirProject = await catalogueProject(other, ["security"]);
    const write = (await tokenFor(admin, "write")).secret;
    const url = `http://127.0.0.1:${receiver.port}/hooks/x`;
    const post = (body: unknown) => callApi("POST", "/api/v1/webhooks", { token: write, body });
    const cases: [unknown, number, string[]][] = [
      [{ url: 42, format: "slack" }, 400, ["url"]],
      [{ url: "http://user:pass@127.0.0.1/x", format: "slack" }, 400, ["url"]],
      [{ url: "javascript:alert(1)", format: "slack" }, 400, ["url"]],
      [{ url: `https://x.test/${"a".repeat(3000)}`, format: "slack" }, 400, ["url"]],
      [{ url, format: "slack", events: "ITEM_ASSIGNED" }, 400, ["events"]],
      [{ url, format: "slack", events: ["ITEM_ASSIGNED\u202e"] }, 400, ["events.0"]],
      [{ url, format: "slack", projectId: { $ne: null } }, 400, ["projectId"]],
      [[], 400, []],
    ];
    for (const [body, status, fields] of cases) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      for (const field of fields) expect(answer.body.error.fields, JSON.stringify(body).slice(0, 80)).toHaveProperty([field]);
    }
    expect((await post({ url, format: "slack", projectId: theirProject })).status).toBe(404);
    expect((await post({ url, format: "slack", events: [], padding: "x".repeat(2_000_000) })).status).toBe(413);
    expect((await callApi("GET", "/api/v1/webhooks", { token: write })).body).toEqual({ data: [] });
  });
});

it("exercises every documented webhooks operation", () => {
  expect(notExercised(documentedOperations(["Webhooks"]))).toEqual([]);
});
