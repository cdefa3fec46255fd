import http from "node:http";
import type { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { guardActionRequest } = createRequire(import.meta.url)("./malformed-actions.cjs") as {
  guardActionRequest: http.RequestListener;
};
// What lib/server/actions/action-started.ts does when Shipshape's action wrapper begins.
const markActionStarted = () => {
  const marks = (globalThis as Record<symbol, AsyncLocalStorage<{ started: boolean }> | undefined>)[Symbol.for("shipshape.action-request")];
  const mark = marks?.getStore();
  if (mark) mark.started = true;
};

describe("a 500 on a server-action request", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    // `new http.Server`, not the createServer the module hooks: the guard runs once, here.
    server = new http.Server((request, response) => {
      guardActionRequest(request, response);
      // Next fails before the action, as when it cannot decode the arguments;
      // or the action (ours) began and then failed; or a route handler failed.
      setImmediate(() => {
        if (request.url === "/after-start") markActionStarted();
        response.writeHead(500, { "content-type": "text/x-component" });
        response.end("0:E{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (path: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: "POST", headers, body: "[" });
  const action = { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" };

  it("before the action began is the client's: 400, saying the request is malformed", async () => {
    for (const headers of [action, { "content-type": "multipart/form-data; boundary=x" }]) {
      const response = await post("/sign-in", headers);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("malformed");
    }
  });

  it("after the action began is ours, and stays a 500", async () => {
    expect((await post("/after-start", action)).status).toBe(500);
  });

  it("from a route handler stays a 500: Next runs no server action under /api/, whatever the headers say", async () => {
    for (const headers of [action, { "content-type": "multipart/form-data; boundary=x" }]) {
      const response = await post("/api/v1/projects", headers);
      expect(response.status).toBe(500);
      expect(await response.text()).toBe("0:E{}");
    }
  });

  it("leaves other requests alone", async () => {
    expect((await fetch(`${base}/sign-in`)).status).toBe(500);
  });
});
