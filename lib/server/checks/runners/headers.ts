// The security headers check: the site's answers graded by MDN's HTTP
// Observatory (the same tests and score MDN's service gives), every request
// made by the network guard. Passes when the score reaches the minimum and
// every required test passes.
//
// As the Observatory does, both schemes are asked: the address given, and —
// when it names no port — the same address on the other scheme, so the
// redirection and HSTS tests see the http → https chain. An address with a
// port has no known counterpart on the other scheme; only it is asked.
import type { HeadersCheckSettings } from "@/lib/schemas/check-settings";
import { CheckFailure, DEFAULT_MAX_BYTES, NetworkRefusal, guardedRequest, type GuardedResponse } from "@/lib/server/checks/network-guard";
import { networkPolicyFromEnv } from "@/lib/server/checks/network-policy";
import { CORS_PREFLIGHT_ORIGIN, gradeSite, type ObservatoryGrade } from "@/lib/server/checks/observatory/analyze";
import { timed } from "@/lib/server/checks/outcome";
import type { CheckContext, CheckOutcome } from "@/lib/server/checks/types";

// The retriever's Accept header: a browser's, so servers answer with their page.
const PAGE_HEADERS = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

/** Runs a security headers check. Never throws for a failing target. */
export function run(settings: HeadersCheckSettings, context: CheckContext = {}): Promise<CheckOutcome> {
  return timed(async () => {
    const deadline = Date.now() + settings.timeoutMs;
    const request = (url: string, extra: { method?: string; headers?: Record<string, string> } = {}) =>
      guardedRequest(url, {
        method: extra.method ?? "GET",
        headers: extra.headers ?? PAGE_HEADERS,
        timeoutMs: Math.max(1, deadline - Date.now()),
        maxBytes: DEFAULT_MAX_BYTES,
        policy: context.network ?? networkPolicyFromEnv(),
        lookup: context.lookup,
        trustedCertificates: context.trustedCertificates,
        signal: context.signal,
      });

    const given = new URL(settings.url);
    const other = counterpart(given);
    // The address given must answer; its counterpart may not (many sites have no http at all).
    const [primary, second] = await Promise.all([request(given.toString()), other ? request(other).catch(unlessRefused) : Promise.resolve(null)]);
    const chains = { [given.protocol]: primary, ...(other ? { [new URL(other).protocol]: second } : {}) } as Record<string, GuardedResponse | null>;
    const httpChain = chains["http:"] ?? null;
    // An http address that ends on https is the site's https answer when no https address was asked.
    const httpsChain = chains["https:"] ?? (httpChain && httpChain.url.startsWith("https:") ? httpChain : null);
    const graded = httpsChain ?? httpChain ?? primary;

    const corsRequestHeaders = { origin: CORS_PREFLIGHT_ORIGIN, "access-control-request-method": "GET" };
    const cors = await request(graded.url, { method: "OPTIONS", headers: corsRequestHeaders }).catch(unlessRefused);

    const grade = gradeSite({ hostname: given.hostname, http: httpChain, https: httpsChain, cors, corsRequestHeaders });
    return verdict(settings, grade, graded, httpChain);
  });
}

// The same address on the other scheme, when it names no port.
function counterpart(url: URL): string | null {
  if (url.port !== "") return null;
  const other = new URL(url);
  other.protocol = url.protocol === "https:" ? "http:" : "https:";
  return other.toString();
}

// A side request that fails is "no answer" (as in the Observatory); a refusal stays a refusal.
function unlessRefused(error: unknown): null {
  if (error instanceof NetworkRefusal) throw error;
  if (error instanceof CheckFailure) return null;
  throw error;
}

function verdict(settings: HeadersCheckSettings, grade: ObservatoryGrade, graded: GuardedResponse, httpChain: GuardedResponse | null): Omit<CheckOutcome, "durationMs"> {
  const failed = Object.entries(grade.tests)
    .filter(([, test]) => !test.pass)
    .map(([name]) => name);
  const required = settings.requiredTests ?? [];
  const requiredFailing = required.filter((name) => !grade.tests[name]?.pass);
  const belowMinimum = grade.score < settings.minimumScore;

  const parts = [`score ${grade.score} (${grade.grade})`];
  parts.push(failed.length === 0 ? `all ${grade.testsQuantity} tests passed` : `${failed.length} ${failed.length === 1 ? "test" : "tests"} failed: ${failed.join(", ")}`);
  const problems: string[] = [];
  if (belowMinimum) problems.push(`below the minimum score ${settings.minimumScore}`);
  if (requiredFailing.length > 0) problems.push(`required ${requiredFailing.length === 1 ? "test" : "tests"} failing: ${requiredFailing.join(", ")}`);
  const summary = `${parts.join(", ")}${problems.length > 0 ? `; ${problems.join("; ")}` : ""}`;

  return {
    passed: problems.length === 0,
    summary,
    details: {
      url: graded.url,
      status: grade.statusCode,
      address: graded.address,
      score: grade.score,
      grade: grade.grade,
      minimumScore: settings.minimumScore,
      requiredTests: required,
      testsPassed: grade.testsPassed,
      testsFailed: grade.testsFailed,
      testsQuantity: grade.testsQuantity,
      algorithmVersion: grade.algorithmVersion,
      tests: grade.tests,
      ...(graded.redirects.length > 0 ? { redirects: graded.redirects } : {}),
      ...(httpChain && httpChain !== graded ? { httpRedirects: [...httpChain.redirects, httpChain.url] } : {}),
    },
  };
}
