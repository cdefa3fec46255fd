// The security headers check against real servers on loopback: one with a
// strong header set over https, one with a weak set, graded by MDN's
// Observatory tests through our own guarded requests.
import type http from "node:http";
import type https from "node:https";
import { ALL_RESULTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSettings, headersCheckSettings, OBSERVATORY_TESTS } from "@/lib/schemas/check-settings";
import { loopbackAllowed, nothingAllowed, selfSignedCertificate, startHttpServer, startHttpsServer, tableLookup, type Listening } from "@/tests/support/check-targets";
import { run } from "./headers";

const STRONG = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
  "set-cookie": "__Host-session=abc; Path=/; Secure; HttpOnly; SameSite=Strict",
};
const PAGE = "<!doctype html><html><head><title>ok</title><script src=\"/app.js\"></script></head><body>ok</body></html>";

let strong: Listening<https.Server>;
let weak: Listening<http.Server>;
const certificate = selfSignedCertificate(30, ["secure.test"]);

beforeAll(async () => {
  strong = await startHttpsServer(certificate, (request, response) => {
    if (request.method === "OPTIONS") return response.writeHead(204).end();
    if (request.url === "/moved") return response.writeHead(302, { location: "/", "set-cookie": "tracking=1; Path=/; Secure" }).end();
    response.writeHead(200, STRONG).end(PAGE);
  });
  weak = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    if (url.pathname === "/error") return response.writeHead(500, { "content-type": "text/plain" }).end("boom");
    response.writeHead(200, { "content-type": "text/html", "set-cookie": "sessionid=1; Path=/", "x-content-type-options": "nosniff" }).end(PAGE);
  });
});
afterAll(async () => {
  await strong.close();
  await weak.close();
});

const context = {
  network: loopbackAllowed,
  lookup: tableLookup({ "secure.test": ["127.0.0.1"], "weak.test": ["127.0.0.1"], "intranet.test": ["10.0.0.5"] }),
  trustedCertificates: [certificate.cert],
};
const settings = (input: Record<string, unknown>) => headersCheckSettings.parse({ kind: "headers", ...input });

describe("the security headers check", () => {
  it("passes a strong header set with a high score, recording every test", async () => {
    const outcome = await run(settings({ url: `https://secure.test:${strong.port}/` }), context);
    expect(outcome.summary).toMatch(/^score \d+ \(A\+?\), all 10 tests passed$/);
    expect(outcome.passed).toBe(true);
    const details = outcome.details as { score: number; grade: string; tests: Record<string, { pass: boolean; result: string; scoreModifier: number }> };
    expect(details.score).toBeGreaterThanOrEqual(90);
    expect(Object.keys(details.tests).sort()).toEqual([...OBSERVATORY_TESTS].sort());
    expect(details.tests["content-security-policy"]).toMatchObject({ pass: true, result: expect.stringMatching(/^csp-implemented/) });
    expect(details.tests["strict-transport-security"]).toMatchObject({ pass: true, result: "hsts-implemented-max-age-at-least-six-months" });
    expect(details.tests.cookies).toMatchObject({ pass: true, result: "cookies-secure-with-httponly-sessions-and-samesite", scoreModifier: 5 });
    // An https address with a port has no http counterpart to ask.
    expect(details.tests.redirection).toMatchObject({ pass: true, result: "redirection-not-needed-no-http" });
  });

  it("follows redirects through the guard and grades their cookies too (one without SameSite)", async () => {
    const outcome = await run(settings({ url: `https://secure.test:${strong.port}/moved` }), context);
    expect(outcome.details).toMatchObject({ url: `https://secure.test:${strong.port}/`, redirects: [`https://secure.test:${strong.port}/moved`] });
    expect((outcome.details as { tests: Record<string, { result: string }> }).tests.cookies.result).toBe("cookies-secure-with-httponly-sessions");
  });

  it("fails a weak header set, naming the failing tests", async () => {
    const outcome = await run(settings({ url: `http://weak.test:${weak.port}/` }), context);
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/^score \d+ \([B-F][+-]?\), \d+ tests failed: .*content-security-policy.*; below the minimum score 70$/);
    for (const name of ["strict-transport-security", "x-frame-options", "redirection", "cookies"]) expect(outcome.summary).toContain(name);
    const details = outcome.details as { score: number; tests: Record<string, { pass: boolean; scoreModifier: number }> };
    expect(details.score).toBeLessThan(70);
    expect(details.tests["x-content-type-options"]).toMatchObject({ pass: true });
    expect(details.tests.cookies).toMatchObject({ pass: false, scoreModifier: -40 });
  });

  it("fails when a required test fails though the score is enough", async () => {
    const outcome = await run(settings({ url: `http://weak.test:${weak.port}/`, minimumScore: 0, requiredTests: ["x-content-type-options", "x-frame-options"] }), context);
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/; required test failing: x-frame-options$/);
    expect(outcome.summary).not.toMatch(/below the minimum/);
    const passing = await run(settings({ url: `http://weak.test:${weak.port}/`, minimumScore: 0, requiredTests: ["x-content-type-options"] }), context);
    expect(passing.passed).toBe(true);
  });

  it("fails with the status when the site answers with an error", async () => {
    const outcome = await run(settings({ url: `http://weak.test:${weak.port}/error` }), context);
    expect(outcome).toMatchObject({ passed: false, summary: `500 from http://weak.test:${weak.port}/error: the Observatory grades only 2xx, 3xx, 401 and 403 answers` });
  });

  it("is refused by the guard for a private address unless allowed, before any request", async () => {
    const loopback = await run(settings({ url: `http://weak.test:${weak.port}/` }), { ...context, network: nothingAllowed });
    expect(loopback.passed).toBe(false);
    expect(loopback.summary).toMatch(/^refused: weak\.test resolves to 127\.0\.0\.1, a loopback address/);
    const intranet = await run(settings({ url: "https://intranet.test/" }), context);
    expect(intranet.summary).toMatch(/^refused: intranet\.test resolves to 10\.0\.0\.5/);
  });
});

describe("the security headers settings", () => {
  it("default the minimum score to 70 and accept the Observatory's test names", () => {
    expect(settings({ url: "https://example.com/" })).toMatchObject({ minimumScore: 70, timeoutMs: 10_000 });
    expect(settings({ url: "https://example.com/", requiredTests: ["cookies", "redirection", "cookies"] }).requiredTests).toEqual(["cookies", "redirection"]);
  });

  it("list exactly the library's tests", () => {
    expect([...OBSERVATORY_TESTS]).toEqual(ALL_RESULTS.map((result) => result.name));
  });

  it("refuse an unknown test name with a field error naming the valid ones", () => {
    const parsed = checkSettings.safeParse({ kind: "headers", url: "https://example.com/", requiredTests: ["cookies", "csp"] });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0];
    expect(issue.path).toEqual(["requiredTests", 1]);
    expect(issue.message).toBe(`"csp" is not an Observatory test; use one of ${OBSERVATORY_TESTS.join(", ")}.`);
  });

  it("refuse a minimum score out of range", () => {
    const parsed = headersCheckSettings.safeParse({ kind: "headers", url: "https://example.com/", minimumScore: 136 });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["minimumScore"], message: "Use at most 135 for the minimum score." });
  });
});
