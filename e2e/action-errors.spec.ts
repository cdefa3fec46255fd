// A malformed server-action request is the client's bad input: it gets a 400
// (scripts/malformed-actions.cjs) and is not reported to Sentry as a fault of
// Shipshape's, while a real fault still is. A production server of its own,
// with its Sentry DSN pointing at a local receiver.
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort, startServer, type RunningServer, scratchDatabase, type ScratchDatabase } from "./servers";

let receiver: Server;
let server: RunningServer;
let database: ScratchDatabase;
const envelopes: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.url?.startsWith("/api/1/envelope")) envelopes.push(body);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  }).listen(0, "127.0.0.1");
  await once(receiver, "listening");
  database = await scratchDatabase();
  const port = await freePort();
  server = await startServer(port, {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://localhost:${port}`,
    SENTRY_DSN: `http://public@127.0.0.1:${(receiver.address() as AddressInfo).port}/1`,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  receiver?.close();
});

// A real action id of the sign-in page, from the build's manifest of server actions.
function signInActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).find(([, entry]) => Object.keys(entry.workers).some((worker) => worker.includes("sign-in")))![0];
}

test("a server action sent arguments Next cannot read is answered 400 and not reported to Sentry", async () => {
  for (const body of ["[", "{{{"]) {
    const response = await fetch(`${server.base}/sign-in`, {
      method: "POST",
      headers: { "next-action": signInActionId(), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body,
    });
    expect(response.status).toBe(400);
  }
  // Sentry sends within a second or two; give it time to, then look.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  expect(envelopes.filter((envelope) => envelope.includes('"type":"event"'))).toEqual([]);
});
