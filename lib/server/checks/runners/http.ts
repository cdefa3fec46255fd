// The HTTP endpoint check: one request through the guard; passes when the
// status is in range, the body holds what it must and the answer came in time.
import type { HttpCheckSettings } from "@/lib/schemas/check-settings";
import { guardedRequest, DEFAULT_MAX_BYTES } from "@/lib/server/checks/network-guard";
import { networkPolicyFromEnv } from "@/lib/server/checks/network-policy";
import { timed } from "@/lib/server/checks/outcome";
import { readJsonPath } from "@/lib/server/checks/json-path";
import type { CheckContext, CheckOutcome } from "@/lib/server/checks/types";

/** Runs an HTTP check. Never throws for a failing target. */
export function run(settings: HttpCheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  return timed(async () => {
    const response = await guardedRequest(settings.url, {
      method: settings.method,
      timeoutMs: settings.timeoutMs,
      maxBytes: DEFAULT_MAX_BYTES,
      policy: context.network ?? networkPolicyFromEnv(),
      lookup: context.lookup,
      trustedCertificates: context.trustedCertificates,
      signal: context.signal,
    });
    const details: Record<string, unknown> = {
      url: response.url,
      status: response.status,
      latencyMs: response.latencyMs,
      bytes: response.bytes,
      truncated: response.truncated,
      address: response.address,
      contentType: response.headers["content-type"] ?? null,
      ...(response.redirects.length > 0 ? { redirects: response.redirects } : {}),
    };
    const where = `from ${response.url} in ${response.latencyMs} ms`;
    const problems: string[] = [];
    const { min, max } = settings.expectedStatus;
    if (response.status < min || response.status > max) problems.push(`expected ${min === max ? min : `${min}–${max}`}`);
    if (settings.maxLatencyMs !== undefined && response.latencyMs > settings.maxLatencyMs) problems.push(`slower than ${settings.maxLatencyMs} ms`);
    const text = response.body.toString("utf8");
    if (settings.bodyContains !== undefined && !text.includes(settings.bodyContains)) {
      problems.push(`body does not contain "${settings.bodyContains}"${response.truncated ? " in its first 1 MB" : ""}`);
    }
    if (settings.bodyJson) {
      const found = readJsonPath(text, settings.bodyJson.path);
      details.json = { path: settings.bodyJson.path, ...found };
      if (!found.ok) problems.push(found.problem);
      else if (found.value !== settings.bodyJson.equals) problems.push(`${settings.bodyJson.path} is ${JSON.stringify(found.value)}, expected ${JSON.stringify(settings.bodyJson.equals)}`);
    }
    const summary = `${response.status} ${where}${problems.length > 0 ? `: ${problems.join("; ")}` : ""}`;
    return { passed: problems.length === 0, summary, details };
  });
}
