import type https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OBSERVATORY_TESTS } from "@/lib/schemas/check-settings";
import { runCheckNow } from "@/lib/server/services/checks";
import { callApi, tokenFor } from "../support/api";
import { loopbackAllowed, selfSignedCertificate, startHttpsServer, tableLookup, type Listening } from "../support/check-targets";
import { activitiesOf, teamWith } from "../support/fixtures";
import { catalogueProject, itemByKey } from "../support/readiness";

// The security headers check end to end: added through the API, run against
// a real https server on loopback, graded by MDN's Observatory tests, and
// followed by the item.

const certificate = selfSignedCertificate(30, ["app.test"]);
let headers: Record<string, string> = {};
let target: Listening<https.Server>;

beforeAll(async () => {
  target = await startHttpsServer(certificate, (_request, response) => response.writeHead(200, { "content-type": "text/html", ...headers }).end("<!doctype html><title>app</title>"));
});
afterAll(() => target.close());

const context = { context: { network: loopbackAllowed, lookup: tableLookup({ "app.test": ["127.0.0.1"] }), trustedCertificates: [certificate.cert] } };

describe("a security headers check", () => {
  it("is added through the API, passes on strong headers and fails on weak ones, naming the tests", async () => {
    const { teamId, actors: [admin, engineer] } = await teamWith(["ADMIN", "ENGINEER"]);
    const projectId = await catalogueProject(admin, ["security"]);
    const write = (await tokenFor(admin, "write")).secret;
    const url = `https://app.test:${target.port}/`;

    const invalid = await callApi("POST", `/api/v1/projects/${projectId}/items/security.headers/checks`, { token: write, body: { kind: "headers", settings: { url, requiredTests: ["hsts"] } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toEqual({ "settings.requiredTests.0": [`"hsts" is not an Observatory test; use one of ${OBSERVATORY_TESTS.join(", ")}.`] });

    const added = await callApi("POST", `/api/v1/projects/${projectId}/items/security.headers/checks`, {
      token: write,
      body: { kind: "headers", settings: { url, minimumScore: 90, requiredTests: ["content-security-policy"] }, failuresBeforeFailing: 1 },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: "headers", settings: { kind: "headers", url, minimumScore: 90, requiredTests: ["content-security-policy"], timeoutMs: 10_000 } });
    expect((await activitiesOf(teamId, "check.added"))[0].after).toMatchObject({ kind: "headers", target: url });

    headers = {
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "strict-transport-security": "max-age=31536000",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
    };
    const strong = await runCheckNow(engineer, { checkId: added.body.id }, context);
    expect(strong.result).toMatchObject({ passed: true, summary: expect.stringMatching(/^score (9\d|1\d\d) \(A\+?\), all 10 tests passed$/) });
    expect(strong.itemStatus).toBe("DONE");

    headers = { "strict-transport-security": "max-age=31536000", "x-content-type-options": "nosniff" };
    const weak = await runCheckNow(engineer, { checkId: added.body.id }, context);
    expect(weak.result.passed).toBe(false);
    expect(weak.result.summary).toMatch(/^score \d+ \([A-F][+-]?\), 2 tests failed: content-security-policy, x-frame-options; below the minimum score 90; required test failing: content-security-policy$/);
    expect(weak.result.details).toMatchObject({ grade: expect.any(String), tests: { "content-security-policy": { pass: false, result: "csp-not-implemented", scoreModifier: -25 } } });
    expect((await itemByKey(projectId, "security.headers")).status).toBe("MISSING");
  });
});
