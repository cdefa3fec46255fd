// Requests Next itself would choke on, against the production server: they
// get a 4xx that says what is wrong, never a 500. (The field rules and the
// API's 404/405 are tested in-process: tests/integration/api-bad-input.test.ts.)
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Node's fetch sends the path exactly as written; a browser would re-encode it.
const send = (baseURL: string | undefined, path: string, init?: RequestInit) => fetch(`${baseURL}${path}`, init);

test("a path whose percent-encoding is not UTF-8 is a 400, signed in or not", async ({ baseURL }) => {
  for (const path of ["/api/v1/projects/%ED%A0%80", "/api/v1/projects/%ED%A0%80/items", "/api/v1/%E0%A4%A"]) {
    const response = await send(baseURL, path);
    expect(response.status, path).toBe(400);
    expect((await response.json()).error, path).toMatchObject({ code: "VALIDATION", fields: { path: [expect.stringContaining("percent-encoding")] } });
  }
  const page = await send(baseURL, "/projects/%ED%A0%80");
  expect(page.status).toBe(400);
  expect(await page.text()).toContain("percent-encoding");
});

test("unknown API paths and methods answer in the JSON error shape", async ({ baseURL }) => {
  const missing = await send(baseURL, "/api/v1/no/such/thing", { method: "POST" });
  expect(missing.status).toBe(404);
  expect((await missing.json()).error.code).toBe("NOT_FOUND");
  const wrongMethod = await send(baseURL, "/api/v1/projects", { method: "PUT" });
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
  expect((await wrongMethod.json()).error.code).toBe("METHOD_NOT_ALLOWED");
});

test("malformed and oversized server-action requests are 4xx", async ({ baseURL }) => {
  const headers = { "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };
  const garbled = await send(baseURL, "/sign-in", { method: "POST", headers: { ...headers, "next-action": "not an action" }, body: "[]" });
  expect(garbled.status).toBeGreaterThanOrEqual(400);
  expect(garbled.status).toBeLessThan(500);
  const unknown = await send(baseURL, "/sign-in", { method: "POST", headers: { ...headers, "next-action": "7f".repeat(21) }, body: "[]" });
  expect(unknown.status).toBeGreaterThanOrEqual(400);
  expect(unknown.status).toBeLessThan(500);
  const oversized = await send(baseURL, "/sign-in", { method: "POST", headers: { ...headers, "next-action": "7f".repeat(21) }, body: "x".repeat(3 * 1024 * 1024) });
  expect(oversized.status).toBe(413);
});

// A real action id of the sign-in page, from the build's manifest of server actions.
function signInActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => Object.keys(entry.workers).some((worker) => worker.includes("sign-in")))?.[0];
  if (!id) throw new Error("The build has no server action on the sign-in page.");
  return id;
}

test("a known action sent arguments Next cannot read is a 400, not a 500", async ({ baseURL }) => {
  const action = { "next-action": signInActionId(), accept: "text/x-component" };
  for (const [contentType, body] of [
    ["text/plain;charset=UTF-8", "["],
    ["text/plain;charset=UTF-8", "\u0000\uffff{{"],
    ["multipart/form-data; boundary=----x", "not a multipart body"],
    ["multipart/form-data; boundary=----x", "------x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\r\n------x--\r\n"],
  ]) {
    const response = await send(baseURL, "/sign-in", { method: "POST", headers: { ...action, "content-type": contentType }, body });
    expect(response.status, `${contentType}: ${body}`).toBe(400);
    expect(await response.text()).toContain("malformed");
  }
  // A form posted before the page's script ran (no Next-Action header), with a body that is not a form.
  const form = await send(baseURL, "/sign-in", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=----x" }, body: "------x\r\ngarbage" });
  expect(form.status).toBeGreaterThanOrEqual(400);
  expect(form.status).toBeLessThan(500);
});

test("an action body that does not state its length is a 411, whatever its size", async ({ baseURL }) => {
  const chunks = (count: number) =>
    new ReadableStream({
      pull(controller) {
        if (count-- <= 0) controller.close();
        else controller.enqueue(new TextEncoder().encode("x".repeat(512 * 1024)));
      },
    });
  for (const [label, headers] of [
    ["fetch action", { "next-action": signInActionId(), "content-type": "text/plain;charset=UTF-8" }],
    ["form without script", { "content-type": "multipart/form-data; boundary=----x" }],
  ] as const) {
    // Node's fetch sends a stream without Content-Length, chunk by chunk: 3 MB here, over the limit.
    const response = await send(baseURL, "/sign-in", { method: "POST", headers, body: chunks(6), duplex: "half" } as RequestInit);
    expect(response.status, label).toBe(411);
    expect(await response.text(), label).toContain("Content-Length");
  }
});

test("a TRACE request is a 405 on pages and the API, never Next's 500", async ({ baseURL }) => {
  // node:http: fetch refuses to send TRACE at all.
  const trace = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(`${baseURL}${path}`, { method: "TRACE", agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end();
    });
  for (const path of ["/sign-in", "/api/health", "/api/v1/projects"]) expect(await trace(path), path).toBe(405);
});
