// The TLS check against a real HTTPS server on loopback whose self-signed
// certificate, made for the test, expires in 10 days.
import type https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpCheckSettings, tlsCheckSettings } from "@/lib/schemas/check-settings";
import { loopbackAllowed, nothingAllowed, selfSignedCertificate, startHttpsServer, tableLookup, type Certificate, type Listening } from "@/tests/support/check-targets";
import { run as runHttp } from "./http";
import { run } from "./tls";

let certificate: Certificate;
let target: Listening<https.Server>;

beforeAll(async () => {
  certificate = selfSignedCertificate(10, ["secure.test", "127.0.0.1"]);
  target = await startHttpsServer(certificate, (_request, response) => response.end("secure"));
});
afterAll(() => target.close());

const lookup = tableLookup({ "secure.test": ["127.0.0.1"], "other.test": ["127.0.0.1"] });
const trusted = () => ({ network: loopbackAllowed, lookup, trustedCertificates: [certificate.cert] });
const settings = (input: Record<string, unknown>) => tlsCheckSettings.parse({ kind: "tls", host: "secure.test", port: target.port, ...input });

describe("the TLS check", () => {
  it("fails a trusted certificate that expires within the default 21 days, saying when and who issued it", async () => {
    const outcome = await run(settings({}), trusted());
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/^certificate for secure\.test expires in 9 days \(\d{4}-\d{2}-\d{2}\), fewer than 21; issuer Shipshape Test$/);
    expect(outcome.details).toMatchObject({ issuer: "Shipshape Test", daysLeft: 9, authorized: true, protocol: "TLSv1.3", address: "127.0.0.1" });
  });

  it("passes when the days left are enough", async () => {
    const outcome = await run(settings({ minDaysLeft: 7, minProtocol: "TLSv1.3" }), trusted());
    expect(outcome.passed).toBe(true);
    expect(outcome.summary).toMatch(/^certificate for secure\.test expires in 9 days \(.*\), issuer Shipshape Test, TLSv1\.3$/);
  });

  it("counts days from the clock it is given", async () => {
    const inTwelveDays = () => new Date(Date.now() + 12 * 86_400_000);
    const outcome = await run(settings({ minDaysLeft: 0 }), { ...trusted(), now: inTwelveDays });
    expect(outcome.summary).toMatch(/expired 2 days ago/);
  });

  it("fails an untrusted chain and a certificate for another name", async () => {
    const untrusted = await run(settings({ minDaysLeft: 1 }), { network: loopbackAllowed, lookup });
    expect(untrusted.passed).toBe(false);
    expect(untrusted.summary).toMatch(/^certificate for secure\.test is not trusted: DEPTH_ZERO_SELF_SIGNED_CERT/);
    const wrongName = await run(settings({ host: "other.test", minDaysLeft: 1 }), trusted());
    expect(wrongName.summary).toMatch(/^certificate for other\.test is not trusted: ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it("goes through the guard, and fails cleanly on a closed port", async () => {
    const refused = await run(settings({}), { ...trusted(), network: nothingAllowed });
    expect(refused.summary).toBe("refused: secure.test resolves to 127.0.0.1, a loopback address (set CHECKS_ALLOWED_NETWORKS to allow it)");
    // request-filtering-agent judges the pinned address again at connect time.
    const agentOnly = await run(settings({}), { ...trusted(), network: { allowed: [], blockList: loopbackAllowed.blockList } });
    expect(agentOnly.summary).toBe("refused: 127.0.0.1 is not a public address (set CHECKS_ALLOWED_NETWORKS to allow it)");
    const closed = await startHttpsServer(certificate, () => undefined);
    const port = closed.port;
    await closed.close();
    const down = await run(settings({ port }), trusted());
    expect(down).toMatchObject({ passed: false, summary: `TLS handshake with secure.test:${port} failed: ECONNREFUSED` });
  });

  it("lets the HTTP check reach an HTTPS endpoint by name, verifying its certificate", async () => {
    const url = `https://secure.test:${target.port}/`;
    const ok = await runHttp(httpCheckSettings.parse({ kind: "http", url, bodyContains: "secure" }), trusted());
    expect(ok.passed).toBe(true);
    const untrusted = await runHttp(httpCheckSettings.parse({ kind: "http", url }), { network: loopbackAllowed, lookup });
    expect(untrusted).toMatchObject({ passed: false, summary: `https://secure.test:${target.port}: TLS: self-signed certificate` });
  });
});
