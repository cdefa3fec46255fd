// The HTTP check against a real server on loopback whose answers the test sets.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpCheckSettings } from "@/lib/schemas/check-settings";
import { loopbackAllowed, nothingAllowed, startHttpServer, tableLookup, type Listening } from "@/tests/support/check-targets";
import { run } from "./http";

let target: Listening<http.Server>;
let base = "";

beforeAll(async () => {
  target = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const delay = Number(url.searchParams.get("delay") ?? 0);
    const status = Number(url.searchParams.get("status") ?? 200);
    const body = url.pathname === "/health" ? JSON.stringify({ status: "ok", checks: { database: { status: "up" } }, items: [{ name: "a" }] }) : "hello world";
    if (url.pathname === "/moved") return response.writeHead(301, { location: "/health" }).end();
    setTimeout(() => response.writeHead(status, { "content-type": url.pathname === "/health" ? "application/json" : "text/plain" }).end(body), delay);
  });
  base = `http://app.test:${target.port}`;
});
afterAll(() => target.close());

const context = { network: loopbackAllowed, lookup: tableLookup({ "app.test": ["127.0.0.1"] }) };
const settings = (input: Record<string, unknown>) => httpCheckSettings.parse({ kind: "http", ...input });

describe("the HTTP check", () => {
  it("passes on a status in range, recording status, latency and size", async () => {
    const outcome = await run(settings({ url: `${base}/health` }), context);
    expect(outcome.passed).toBe(true);
    expect(outcome.summary).toMatch(new RegExp(`^200 from ${base}/health in \\d+ ms$`));
    expect(outcome.details).toMatchObject({ status: 200, bytes: expect.any(Number), latencyMs: expect.any(Number), address: "127.0.0.1", contentType: "application/json" });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("fails on a status out of range, with the status in the summary", async () => {
    const outcome = await run(settings({ url: `${base}/health?status=503` }), context);
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/^503 from http:\/\/app\.test:\d+\/health\?status=503 in \d+ ms: expected 200–399$/);
    const exact = await run(settings({ url: `${base}/health?status=204`, expectedStatus: { min: 200, max: 200 } }), context);
    expect(exact.summary).toMatch(/expected 200$/);
  });

  it("fails when slower than the maximum latency, and times out", async () => {
    const slow = await run(settings({ url: `${base}/?delay=300`, maxLatencyMs: 100 }), context);
    expect(slow.passed).toBe(false);
    expect(slow.summary).toMatch(/slower than 100 ms/);
    const timedOut = await run(settings({ url: `${base}/?delay=2000`, timeoutMs: 200 }), context);
    expect(timedOut).toMatchObject({ passed: false, summary: `no answer from ${base} within 200 ms` });
  });

  it("checks body text and a JSON value", async () => {
    expect((await run(settings({ url: `${base}/`, bodyContains: "world" }), context)).passed).toBe(true);
    const missing = await run(settings({ url: `${base}/`, bodyContains: "planet" }), context);
    expect(missing.summary).toMatch(/body does not contain "planet"/);
    expect((await run(settings({ url: `${base}/health`, bodyJson: { path: "checks.database.status", equals: "up" } }), context)).passed).toBe(true);
    expect((await run(settings({ url: `${base}/health`, bodyJson: { path: "items[0].name", equals: "a" } }), context)).passed).toBe(true);
    const wrong = await run(settings({ url: `${base}/health`, bodyJson: { path: "status", equals: "degraded" } }), context);
    expect(wrong.summary).toMatch(/status is "ok", expected "degraded"/);
    const notJson = await run(settings({ url: `${base}/`, bodyJson: { path: "status", equals: "ok" } }), context);
    expect(notJson.summary).toMatch(/body is not JSON/);
  });

  it("follows a redirect and reports the final address", async () => {
    const outcome = await run(settings({ url: `${base}/moved` }), context);
    expect(outcome.passed).toBe(true);
    expect(outcome.details).toMatchObject({ url: `${base}/health`, redirects: [`${base}/moved`] });
  });

  it("turns refusals and network errors into failed outcomes, never exceptions", async () => {
    const refused = await run(settings({ url: `${base}/` }), { ...context, network: nothingAllowed });
    expect(refused).toMatchObject({ passed: false, summary: "refused: app.test resolves to 127.0.0.1, a loopback address (set CHECKS_ALLOWED_NETWORKS to allow it)" });
    const closed = await startHttpServer(() => undefined);
    const port = closed.port;
    await closed.close();
    const down = await run(settings({ url: `http://127.0.0.1:${port}/` }), context);
    expect(down).toMatchObject({ passed: false, summary: `http://127.0.0.1:${port}: connection refused` });
    const unknown = await run(settings({ url: "http://nowhere.test/" }), context);
    expect(unknown.summary).toBe("nowhere.test does not resolve (ENOTFOUND)");
  });
});
