// The DNS check with an injected resolver: no query leaves the machine.
import { describe, expect, it } from "vitest";
import { dnsCheckSettings } from "@/lib/schemas/check-settings";
import type { DnsResolver } from "@/lib/server/checks/resolvers";
import { run } from "./dns";

const zone: Record<string, string[]> = {
  "A example.test": ["192.0.2.10", "192.0.2.11"],
  "CNAME www.example.test": ["Example.Test."],
  "MX example.test": ["10 mail.example.test."],
  "TXT example.test": ["v=spf1 -all"],
  "CAA example.test": ['0 issue "letsencrypt.org"'],
};
const resolver: DnsResolver = async (name, type) => {
  if (name === "broken.test") throw Object.assign(new Error("queryA ESERVFAIL broken.test"), { code: "ESERVFAIL" });
  if (name === "slow.test") return new Promise(() => undefined);
  const records = zone[`${type} ${name}`];
  if (!records) throw Object.assign(new Error(`query ENODATA ${name}`), { code: "ENODATA" });
  return records;
};
const settings = (input: Record<string, unknown>) => dnsCheckSettings.parse({ kind: "dns", ...input });

describe("the DNS check", () => {
  it("passes when records of the type exist, listing them", async () => {
    const outcome = await run(settings({ name: "example.test", type: "A" }), { dnsResolver: resolver });
    expect(outcome).toMatchObject({ passed: true, summary: "A example.test: 192.0.2.10, 192.0.2.11", details: { records: ["192.0.2.10", "192.0.2.11"] } });
  });

  it("compares names without case or final dot, other values exactly", async () => {
    expect((await run(settings({ name: "www.example.test", type: "CNAME", expectedValue: "example.test" }), { dnsResolver: resolver })).passed).toBe(true);
    expect((await run(settings({ name: "example.test", type: "MX", expectedValue: "10 MAIL.example.test" }), { dnsResolver: resolver })).passed).toBe(true);
    expect((await run(settings({ name: "example.test", type: "CAA", expectedValue: '0 issue "letsencrypt.org"' }), { dnsResolver: resolver })).passed).toBe(true);
    const wrong = await run(settings({ name: "example.test", type: "TXT", expectedValue: "v=spf1 ~all" }), { dnsResolver: resolver });
    expect(wrong).toMatchObject({ passed: false, summary: "TXT example.test is v=spf1 -all, not v=spf1 ~all" });
  });

  it("fails on no record, a failed lookup and a timeout", async () => {
    expect((await run(settings({ name: "example.test", type: "AAAA" }), { dnsResolver: resolver })).summary).toBe("no AAAA example.test record");
    expect((await run(settings({ name: "broken.test", type: "A" }), { dnsResolver: resolver })).summary).toBe("A broken.test: lookup failed (ESERVFAIL)");
    expect((await run(settings({ name: "slow.test", type: "A", timeoutMs: 100 }), { dnsResolver: resolver })).summary).toBe("A slow.test: lookup failed (ETIMEOUT)");
  });
});
