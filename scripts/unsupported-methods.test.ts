import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Loading the preload hooks every server created from here on, as in production.
const require = createRequire(import.meta.url);
require("./unsupported-methods.cjs");
const { onEveryRequest } = require("./every-request.cjs") as { onEveryRequest: (name: string, listener: http.RequestListener) => void };

/**
 * Status and body of one request on a connection of its own (Node closes one
 * after a TRACE with a body, preload or not); node:http, since fetch refuses TRACE.
 */
function send(port: number, method: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: "/sign-in", agent: false }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("a TRACE request", () => {
  const seen: string[] = [];
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    onEveryRequest("test-observer", (request) => seen.push(`${request.method}`));
    // Stands for Next, whose proxy adapter throws on TRACE: a 500.
    server = http.createServer((request, response) => {
      response.statusCode = request.method === "TRACE" ? 500 : 200;
      response.end("framework");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is answered 405 before the framework sees it, body or not", async () => {
    for (const body of [undefined, "echo me"]) {
      const response = await send(port, "TRACE", body);
      expect(response.status).toBe(405);
      expect(response.body).toContain("TRACE");
    }
  });

  it("still reaches the request listeners (metrics count it); other methods reach the framework", async () => {
    seen.length = 0;
    await send(port, "TRACE");
    expect(await send(port, "GET")).toEqual({ status: 200, body: "framework" });
    expect(seen).toEqual(["TRACE", "GET"]);
  });
});
