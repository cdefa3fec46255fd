import { describe, expect, it } from "vitest";
import { checkSettings } from "@/lib/schemas/check-settings";
import { nothingAllowed } from "@/tests/support/check-targets";
import { runCheck } from "./run-check";

describe("runCheck", () => {
  it("dispatches by kind and never rejects for a failing target", async () => {
    const reported = await runCheck(checkSettings.parse({ kind: "reported", maxAgeDays: 1 }), { lastReport: null });
    expect(reported.summary).toMatch(/^no result reported yet/);
    const dns = await runCheck(checkSettings.parse({ kind: "dns", name: "x.test", type: "A" }), { dnsResolver: async () => ["192.0.2.1"] });
    expect(dns.passed).toBe(true);
    const http = await runCheck(checkSettings.parse({ kind: "http", url: "http://10.0.0.1/" }), { network: nothingAllowed });
    expect(http).toMatchObject({ passed: false, summary: "refused: 10.0.0.1 is a private address (set CHECKS_ALLOWED_NETWORKS to allow it)" });
    const tls = await runCheck(checkSettings.parse({ kind: "tls", host: "169.254.169.254" }), { network: nothingAllowed });
    expect(tls.summary).toMatch(/cloud metadata/);
    const headers = await runCheck(checkSettings.parse({ kind: "headers", url: "http://10.0.0.1/" }), { network: nothingAllowed });
    expect(headers).toMatchObject({ passed: false, summary: "refused: 10.0.0.1 is a private address (set CHECKS_ALLOWED_NETWORKS to allow it)" });
  });
});
