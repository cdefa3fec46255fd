import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { freePort } from "./servers";
import { startFreezableProxy, type FreezableProxy } from "../tests/support/freezable-proxy";

// A production server of its own whose database connection runs through a
// proxy this spec can freeze (sockets stay open, no bytes pass: the server
// hears nothing and no error) or cut (the database is down). Readiness and
// pages must answer 503 promptly instead of hanging, and all must work again
// once the database answers. See docs/adr/0024-database-faults.md.
const nextBin = "node_modules/next/dist/bin/next";
let base = "";
let server: ChildProcess;
let proxy: FreezableProxy;
let dropScratch: () => Promise<unknown> = async () => {};
let output = "";


// Timed with generous slack: the server's own timeouts are a few seconds; a
// hang (what a frozen database used to cause) would take far longer.
async function timed(path: string, init: RequestInit = {}) {
  const started = Date.now();
  const response = await fetch(`${base}${path}`, { redirect: "manual", signal: AbortSignal.timeout(25_000), ...init });
  const body = await response.text();
  return { status: response.status, body, headers: response.headers, seconds: (Date.now() - started) / 1000 };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The PostgreSQL of the e2e run (DATABASE_URL's, or the embedded test cluster).
  const { attachDatabase, createScratchDatabase, prepareDatabase, selectTestCluster } = await import("../scripts/lib/database.mjs");
  selectTestCluster();
  const database = await attachDatabase({ log: () => {} });
  const scratch = await createScratchDatabase(database.url, "shipshape_e2e");
  dropScratch = scratch.drop;
  await prepareDatabase(scratch.url);
  const target = new URL(scratch.url);
  proxy = await startFreezableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "error",
      DATABASE_URL: proxy.through(scratch.url),
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      DATABASE_STATEMENT_TIMEOUT_MS: "2000",
      AUTH_SECRET: "database-faults-secret-0123456789abcdefghij",
      APP_URL: base,
      SENTRY_DSN: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  proxy?.restore();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await once(server, "exit");
  }
  await proxy?.close();
  await dropScratch().catch(() => {});
});

async function expectHealthy() {
  await expect.poll(async () => (await timed("/api/ready")).status, { timeout: 20_000 }).toBe(200);
  const page = await timed("/sign-in");
  // A fresh install sends visitors to set-up; either way, a page, not an error.
  expect([200, 307]).toContain(page.status);
  expect(page.body).not.toContain("Service unavailable");
}

async function expectUnavailable() {
  const ready = await timed("/api/ready");
  expect(ready.status).toBe(503);
  expect(JSON.parse(ready.body)).toMatchObject({ status: "unavailable", database: "unreachable" });
  expect(ready.seconds).toBeLessThan(15);

  const page = await timed("/sign-in");
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toBe("5");
  expect(page.headers.get("content-type")).toContain("text/html");
  expect(page.body).toContain("Service unavailable");
  expect(page.body).toContain("Try again shortly");
  expect(page.seconds).toBeLessThan(15);

  const api = await timed("/api/v1/projects", { headers: { authorization: `Bearer shp_${"A".repeat(43)}` } });
  expect(api.status).toBe(503);
  expect(api.headers.get("retry-after")).toBe("5");
  expect(JSON.parse(api.body)).toEqual({
    error: { code: "UNAVAILABLE", message: "Service unavailable: the database is not answering. Try again in 5 s.", details: { retryAfterSeconds: 5 } },
  });
}

test("answers normally while the database answers", async () => {
  await expectHealthy();
});

test("a frozen database: readiness, pages and the API answer 503 promptly, and all recovers when it answers again", async () => {
  proxy.freeze();
  await expectUnavailable();
  // Liveness does not depend on the database.
  expect((await timed("/api/health")).status).toBe(200);
  proxy.restore();
  await expectHealthy();
});

test("a page already on its way when the database freezes fails fast with the error page, not a hang", async ({ page }) => {
  await expectHealthy();
  // The database answered a moment ago, so the proxy lets the page through;
  // its statements then meet the frozen database and time out.
  expect((await timed("/api/ready")).status).toBe(200);
  proxy.freeze();
  const started = Date.now();
  const response = await page.goto(`${base}/sign-in`, { timeout: 25_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeLessThan(15);
  expect([500, 503]).toContain(response?.status());
  await expect(page.getByRole("heading", { name: /Something went wrong|Service unavailable/ })).toBeVisible();
  proxy.restore();
  await expectHealthy();
});

// A form's server action is a POST that expects Next's own response format;
// the gate's 503 page in its place made the browser show "Something went
// wrong. The error has been logged", which was neither true nor helpful.
test("a form sent while the database is down shows the Service unavailable page, not the generic error", async ({ page }) => {
  await expectHealthy();
  // A fresh install: the set-up form, whose action needs the database.
  await page.goto(`${base}/setup`);
  await page.getByLabel("Your name").fill("Dana Down");
  await page.getByLabel("Work email").fill("dana@example.com");
  await page.getByLabel("Password").fill("a passphrase long enough");
  await page.getByLabel("Team name").fill("Outage");
  proxy.cut();
  expect((await timed("/api/ready")).status).toBe(503);
  await page.getByRole("button", { name: "Create account and team" }).click();
  await expect(page.getByRole("heading", { name: "Service unavailable" })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  expect(page.url()).toBe(`${base}/setup`);
  proxy.restore();
  await expectHealthy();
});

test("a database that is down (connections cut and refused): 503, then recovery", async () => {
  proxy.cut();
  await expectUnavailable();
  proxy.restore();
  await expectHealthy();
  expect(server.exitCode).toBeNull();
  expect(output).not.toMatch(/unhandled|uncaught/i);
});
