import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressFromChain } from "./client-address";

// The preload the server starts with, then a real socket: what a client sends
// in X-Forwarded-For must never decide its address.
createRequire(import.meta.url)("../../../scripts/socket-address.cjs");

let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((request, response) => response.end(request.headers["x-forwarded-for"] ?? ""));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function seenChain(forwardedFor?: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  return response.text();
}

describe("the client address", () => {
  it("with no proxy is the socket's peer, whatever the client sends", async () => {
    expect(addressFromChain(await seenChain(), 0)).toBe("127.0.0.1");
    for (const spoofed of ["198.51.100.9", "198.51.100.9, 203.0.113.5", "unknown", " , "]) {
      expect(addressFromChain(await seenChain(spoofed), 0), spoofed).toBe("127.0.0.1");
    }
  });

  it("behind one proxy is the entry that proxy appended", async () => {
    // The proxy (here the loopback peer) appended the client it saw, 203.0.113.7,
    // after whatever the client claimed.
    expect(addressFromChain(await seenChain("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(addressFromChain(await seenChain("198.51.100.9, 203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("behind two proxies is the entry the outer one appended", async () => {
    expect(addressFromChain(await seenChain("198.51.100.9, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(addressFromChain(await seenChain("203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("with fewer entries than configured hops falls back to the socket, never the client's claim", async () => {
    expect(addressFromChain(await seenChain(), 2)).toBe("127.0.0.1");
    expect(addressFromChain("198.51.100.9, 127.0.0.1", 3)).toBe("127.0.0.1");
  });

  it("is one key per IPv4 client on a dual-stack socket, and unknown without a chain", () => {
    expect(addressFromChain("::ffff:203.0.113.7", 0)).toBe("203.0.113.7");
    expect(addressFromChain("2001:db8::1", 0)).toBe("2001:db8::1");
    expect(addressFromChain(null, 0)).toBe("unknown");
  });
});
