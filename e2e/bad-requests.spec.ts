// Requests Next itself would choke on, against the production server: they
// get a 4xx that says what is wrong, never a 500. (The field rules and the
// API's 404/405 are tested in-process: tests/integration/api-bad-input.test.ts.)
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
