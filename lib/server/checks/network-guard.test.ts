// The SSRF guard against a real HTTP server on loopback. Loopback stands in
// for "a public address" where a test needs a connection to succeed (the
// policy allows 127.0.0.0/8 there, or one address of it); every refusal is
// decided before a socket is opened, so no packet leaves the machine.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackAllowed, nothingAllowed, startHttpServer, tableLookup, type Listening } from "@/tests/support/check-targets";
import { guardedRequest, NetworkRefusal, normaliseHost, pinHost } from "./network-guard";
import { networkPolicyOf, parseCidr } from "./network-policy";

let target: Listening<http.Server>;
const seen: Array<{ url: string; host: string | undefined; authorization?: string }> = [];
let origin = "";

beforeAll(async () => {
  target = await startHttpServer((request, response) => {
    seen.push({ url: request.url ?? "", host: request.headers.host, authorization: request.headers.authorization });
    const url = new URL(request.url ?? "/", "http://x");
    const hops = Number(url.searchParams.get("hops") ?? 0);
    if (url.pathname === "/to") return response.writeHead(302, { location: url.searchParams.get("location") ?? "/" }).end();
    if (url.pathname === "/chain") return response.writeHead(302, { location: hops > 0 ? `/chain?hops=${hops - 1}` : "/ok" }).end();
    if (url.pathname === "/big") return response.end(Buffer.alloc(3 * 1024 * 1024, "a"));
    if (url.pathname === "/slow") return void setTimeout(() => response.end("late"), 2_000);
    response.end("ok");
  });
  origin = `http://127.0.0.1:${target.port}`;
});
afterAll(() => target.close());

const request = (url: string, options: Partial<Parameters<typeof guardedRequest>[1]> = {}) => guardedRequest(url, { timeoutMs: 5_000, policy: loopbackAllowed, ...options });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NetworkRefusal);
  return (error as Error).message;
}

describe("the network guard", () => {
  it("connects to an allowed address", async () => {
    const response = await request(`${origin}/`);
    expect(response).toMatchObject({ status: 200, address: "127.0.0.1", truncated: false });
    expect(response.body.toString()).toBe("ok");
  });

  it("refuses every private, reserved and metadata address by default, before connecting", async () => {
    const before = seen.length;
    const port = target.port;
    const cases: Record<string, RegExp> = {
      [`http://127.0.0.1:${port}/`]: /127\.0\.0\.1 is a loopback address/,
      [`http://[::1]:${port}/`]: /::1 is a loopback address/,
      "http://10.0.0.5/": /10\.0\.0\.5 is a private address \(set CHECKS_ALLOWED_NETWORKS to allow it\)/,
      "http://172.16.4.2/": /private/,
      "http://172.31.0.1/": /private/,
      "http://192.168.0.1/": /private/,
      "http://169.254.169.254/latest/meta-data/": /cloud metadata/,
      "http://[fd00:ec2::254]/": /cloud metadata/,
      "http://100.64.0.1/": /carrier-grade NAT/,
      "http://[fc00::1]/": /unique local/,
      "http://[fd12:3456::1]/": /unique local/,
      "http://[fe80::1]/": /link-local/,
      [`http://[::ffff:127.0.0.1]:${port}/`]: /127\.0\.0\.1 is a loopback address/,
      [`http://2130706433:${port}/`]: /127\.0\.0\.1 is a loopback address/,
      [`http://0177.0.0.1:${port}/`]: /127\.0\.0\.1 is a loopback address/,
      [`http://0x7f.1:${port}/`]: /127\.0\.0\.1 is a loopback address/,
      "http://0.0.0.0/": /unspecified/,
      "http://224.0.0.1/": /multicast/,
    };
    for (const [url, reason] of Object.entries(cases)) {
      expect(await refusal(request(url, { policy: nothingAllowed })), url).toMatch(reason);
    }
    expect(seen.length).toBe(before);
  });

  it("refuses a name that resolves to a private address, naming both", async () => {
    const lookup = tableLookup({ "intranet.test": ["10.0.0.5"], "localhost.test": ["::1", "127.0.0.1"] });
    expect(await refusal(request("http://intranet.test/", { lookup }))).toBe(
      "refused: intranet.test resolves to 10.0.0.5, a private address (set CHECKS_ALLOWED_NETWORKS to allow it)",
    );
    expect(await refusal(request(`http://localhost.test:${target.port}/`, { lookup, policy: nothingAllowed }))).toMatch(/resolves to ::1, a loopback address/);
  });

  it("pins the first answer: a rebinding name is looked up once and the socket goes where that answer said", async () => {
    // Only 127.0.0.1 is allowed; the name answers 127.0.0.1 once, then 127.0.0.2
    // (which the policy refuses) every later time, as a rebinding attack would.
    const policy = networkPolicyOf([parseCidr("127.0.0.1/32")!]);
    let answers = 0;
    const lookup = tableLookup({ "rebind.test": () => (answers++ === 0 ? ["127.0.0.1"] : ["127.0.0.2"]) });
    const before = seen.length;
    const response = await request(`http://rebind.test:${target.port}/`, { lookup, policy });
    expect(response.status).toBe(200);
    expect(response.address).toBe("127.0.0.1");
    expect(lookup.calls).toEqual(["rebind.test"]);
    // The server saw the name, not the address, in Host.
    expect(seen.slice(before)).toEqual([{ url: "/", host: `rebind.test:${target.port}` }]);
    // Asked again, the name now points at a refused address: refused, not connected.
    expect(await refusal(request(`http://rebind.test:${target.port}/`, { lookup, policy }))).toMatch(/rebind\.test resolves to 127\.0\.0\.2, a loopback address/);
    expect(seen.length).toBe(before + 1);
  });

  it("pins the first allowed answer of several", async () => {
    const lookup = tableLookup({ "mixed.test": ["10.0.0.9", "127.0.0.1"] });
    const pinned = await pinHost("mixed.test", { lookup, policy: loopbackAllowed });
    expect(pinned).toMatchObject({ hostname: "mixed.test", address: "127.0.0.1", isIpLiteral: false });
  });

  it("re-checks every redirect and refuses one to a private address", async () => {
    const before = seen.length;
    const message = await refusal(request(`${origin}/to?location=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`));
    expect(message).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
    expect(seen.length).toBe(before + 1);
    const lookup = tableLookup({ "inside.test": ["192.168.1.10"] });
    expect(await refusal(request(`${origin}/to?location=${encodeURIComponent("http://inside.test/admin")}`, { lookup }))).toMatch(/inside\.test resolves to 192\.168\.1\.10/);
    expect(await refusal(request(`${origin}/to?location=${encodeURIComponent("file:///etc/passwd")}`))).toMatch(/file: addresses are not checked/);
  });

  it("follows up to five redirects, and no more", async () => {
    const response = await request(`${origin}/chain?hops=4`);
    expect(response.status).toBe(200);
    expect(response.redirects).toHaveLength(5);
    await expect(request(`${origin}/chain?hops=5`)).rejects.toThrow(/more than 5 redirects/);
  });

  it("drops credentials when a redirect leaves the origin", async () => {
    const other = `http://localhost.test:${target.port}/ok`;
    const lookup = tableLookup({ "localhost.test": ["127.0.0.1"] });
    const captured: Array<string | undefined> = [];
    const spy = await startHttpServer((req, res) => {
      captured.push(req.headers.authorization);
      res.writeHead(302, { location: other }).end();
    });
    try {
      const before = seen.length;
      await request(`http://127.0.0.1:${spy.port}/`, { lookup, headers: { authorization: "Basic c2VjcmV0" } });
      expect(captured).toEqual(["Basic c2VjcmV0"]);
      expect(seen.slice(before)).toEqual([{ url: "/ok", host: `localhost.test:${target.port}`, authorization: undefined }]);
    } finally {
      await spy.close();
    }
  });

  it("stops reading at the size cap, and waits no longer than the timeout", async () => {
    const big = await request(`${origin}/big`, { maxBytes: 1024 * 1024 });
    expect(big).toMatchObject({ truncated: true, bytes: 1024 * 1024 });
    const started = Date.now();
    await expect(request(`${origin}/slow`, { timeoutMs: 300 })).rejects.toThrow(/no answer from http:\/\/127\.0\.0\.1:\d+ within 300 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("has request-filtering-agent judge the pinned address again when the socket connects", async () => {
    // A policy whose own judgement lets loopback through but hands the agent
    // no allowed range: the agent alone must refuse, before any connection.
    const ourListOnly = { allowed: [], blockList: loopbackAllowed.blockList };
    const before = seen.length;
    const lookup = tableLookup({ "app.test": ["127.0.0.1"] });
    expect(await refusal(request(`http://app.test:${target.port}/`, { lookup, policy: ourListOnly }))).toBe(
      "refused: 127.0.0.1 is not a public address (set CHECKS_ALLOWED_NETWORKS to allow it)",
    );
    expect(await refusal(request(`${origin}/`, { policy: ourListOnly }))).toMatch(/^refused: 127\.0\.0\.1 is not a public address/);
    expect(seen.length).toBe(before);
  });

  it("reads numeric host forms as the IPv4 address they stand for", () => {
    expect(normaliseHost("2130706433")).toBe("127.0.0.1");
    expect(normaliseHost("0177.0.0.1")).toBe("127.0.0.1");
    expect(normaliseHost("0x7f000001")).toBe("127.0.0.1");
    expect(normaliseHost("[::1]")).toBe("::1");
    expect(normaliseHost("Example.COM")).toBe("example.com");
  });
});
