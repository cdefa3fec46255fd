// The DNS check: records of a type exist for a name (and one has the expected
// value). It only asks the resolver; it connects to nothing, so the network
// guard has no part in it.
import type { DnsCheckSettings } from "@/lib/schemas/check-settings";
import { errorCode } from "@/lib/server/checks/network-guard";
import { timed } from "@/lib/server/checks/outcome";
import { systemDnsResolver } from "@/lib/server/checks/resolvers";
import type { CheckContext, CheckOutcome } from "@/lib/server/checks/types";

// Names compare without case or a final dot; other values exactly, apart from surrounding space.
const NAME_TYPES = new Set(["CNAME", "NS", "MX"]);
const canonical = (type: string, value: string) => {
  const trimmed = value.trim();
  return NAME_TYPES.has(type) ? trimmed.toLowerCase().replace(/\.$/, "") : type === "AAAA" ? trimmed.toLowerCase() : trimmed;
};

/** Runs a DNS check. Never throws for a failing target. */
export function run(settings: DnsCheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  return timed(async () => {
    const resolver = context.dnsResolver ?? systemDnsResolver;
    const label = `${settings.type} ${settings.name}`;
    let records: string[];
    try {
      records = await withTimeout(resolver(settings.name, settings.type, settings.timeoutMs), settings.timeoutMs);
    } catch (error) {
      const code = errorCode(error);
      const none = code === "ENODATA" || code === "ENOTFOUND";
      return { passed: false, summary: none ? `no ${label} record` : `${label}: lookup failed (${code})`, details: { name: settings.name, type: settings.type, records: [], error: code } };
    }
    const details = { name: settings.name, type: settings.type, records, expectedValue: settings.expectedValue ?? null };
    if (records.length === 0) return { passed: false, summary: `no ${label} record`, details };
    if (settings.expectedValue === undefined) return { passed: true, summary: `${label}: ${records.join(", ")}`, details };
    const expected = canonical(settings.type, settings.expectedValue);
    const found = records.some((record) => canonical(settings.type, record) === expected);
    return {
      passed: found,
      summary: found ? `${label} has ${settings.expectedValue}` : `${label} is ${records.join(", ")}, not ${settings.expectedValue}`,
      details,
    };
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
