import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { freePort } from "./servers";

// A second production server whose database is unreachable and whose Sentry
// DSN points at a local receiver: readiness must fail politely, liveness must
// hold, pages answer 503, and the outage reaches Sentry.
let base = "";
const nextBin = "node_modules/next/dist/bin/next";
let receiver: Server;

let server: ChildProcess;
const envelopes: string[] = [];

function startNext(env: Record<string, string | undefined>, port: number) {
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.url?.startsWith("/api/1/envelope")) envelopes.push(body);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  }).listen(0, "127.0.0.1");
  await once(receiver, "listening");
  const sentryPort = (receiver.address() as AddressInfo).port;
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = startNext(
    {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unreachable",
      AUTH_SECRET: "failure-mode-secret-0123456789abcdefghij",
      APP_URL: base,
      SENTRY_DSN: `http://public@127.0.0.1:${sentryPort}/1`,
    },
    port,
  ).child;
  await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  receiver?.close();
});

test("readiness answers 503 with a reason while the database is down, and the process keeps serving", async () => {
  const ready = await fetch(`${base}/api/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: "unavailable", database: "unreachable", reason: "The database did not answer." });
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(200);
  expect(server.exitCode).toBeNull();
});

test("a page while the database is down answers 503, and the outage is reported to Sentry once", async () => {
  const page = await fetch(`${base}/sign-in`);
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toBe("5");
  expect(await page.text()).toContain("Service unavailable");
  await expect.poll(() => envelopes.filter((body) => body.includes("Database unavailable")).length, { timeout: 15_000 }).toBe(1);
  expect(envelopes.find((body) => body.includes("Database unavailable"))).toContain("ECONNREFUSED");
});

test("a missing setting stops start-up with a message that names it", async () => {
  const { child, output } = startNext({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x", AUTH_SECRET: "" }, await freePort());
  const [code] = await once(child, "exit");
  expect(code).toBe(1);
  expect(output()).toContain("Shipshape cannot start");
  expect(output()).toContain("AUTH_SECRET");
});
