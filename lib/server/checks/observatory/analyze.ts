// MDN's HTTP Observatory, fed with our own requests. The library's scanner
// fetches the site itself with axios (no SSRF guard, its own redirects, its
// own TLS fallback to unverified), so only its analyzer and grader are used:
// this module builds the `Requests` object its tests read — the shape its
// retriever (src/retriever/retriever.js) makes — from responses the network
// guard fetched, then runs every test and grades them as its scanner does
// (docs/adr/0031-security-headers-check.md).
import type http from "node:http";
import { ALGORITHM_VERSION, ALL_TESTS, NUM_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import { getGradeForScore, getScoreDescription, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";
import { isHstsPreloaded } from "@mdn/mdn-http-observatory/src/analyzer/hsts.js";
import { parseHttpEquivHeaders } from "@mdn/mdn-http-observatory/src/retriever/utils.js";
import { CookieJar } from "tough-cookie";
import { CheckFailure, type GuardedResponse } from "@/lib/server/checks/network-guard";

/** The origin the CORS preflight claims, as the Observatory's retriever sends it. */
export const CORS_PREFLIGHT_ORIGIN = "https://http-observatory.security.mozilla.org";

/** What the guard fetched for one scheme: the answer after redirects, or null when none came. */
export type Fetched = GuardedResponse | null;

/** The fetched exchanges the analysis reads. */
export type ObservatoryInput = {
  /** The host graded (the URL's host name), for the HSTS preload lookup and subresource origins. */
  hostname: string;
  /** The chain that started at the http:// address, or null (not tried, or no answer). */
  http: Fetched;
  /** The chain that started at the https:// address, or null. */
  https: Fetched;
  /** The answer to the CORS preflight (OPTIONS with Origin) at the final address, or null. */
  cors: GuardedResponse | null;
  /** The headers that preflight sent. */
  corsRequestHeaders: Record<string, string>;
};

/** One test's verdict, as the Observatory reports it. */
export type ObservatoryTestResult = { pass: boolean; result: string | null; scoreModifier: number; scoreDescription: string };

/** The Observatory's grade of one site. */
export type ObservatoryGrade = {
  /** 0–135: 100, minus penalties, plus bonuses when the penalties leave at least 90. */
  score: number;
  /** A+ … F. */
  grade: string;
  algorithmVersion: number;
  testsPassed: number;
  testsFailed: number;
  testsQuantity: number;
  /** By test name ("content-security-policy" …), in the Observatory's order. */
  tests: Record<string, ObservatoryTestResult>;
  /** The status of the response graded. */
  statusCode: number;
};

// The shape of an axios response, which the analyzer's tests read: lower-case
// headers (Set-Cookie an array) with `get`, `data` the body, `verified` whether the
// certificate was checked. The guard always verifies, so `verified` is true.
type ObservatoryResponse = {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  data: string;
  verified: true;
  request: { headers: Record<string, string> };
  httpEquiv?: Map<string, string[]>;
};

// axios's headers also answer `get(name)` (the CSP test asks for the report-only
// header so); not enumerable, so the tests that list headers do not see it.
const withGet = (headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders =>
  Object.defineProperty({ ...headers }, "get", { value: (name: string) => headers[name.toLowerCase()], enumerable: false });

const asResponse = (response: GuardedResponse, requestHeaders: Record<string, string> = {}): ObservatoryResponse => ({
  status: response.status,
  statusText: response.statusText,
  headers: withGet(response.headers),
  data: response.body.toString("utf8"),
  verified: true,
  request: { headers: requestHeaders },
});

// Every hop of a chain, the final answer included, as the retriever records them.
const routeOf = (response: GuardedResponse) => [
  ...response.redirectResponses.map((hop) => ({ url: new URL(hop.url), status: hop.status })),
  { url: new URL(response.url), status: response.status },
];

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/**
 * The HSTS preload list the analyzer reads from its package (conf/hsts-preload.json).
 * Throws CheckFailure naming the install step when the file is missing, rather
 * than letting two tests crash halfway.
 */
export function assertPreloadListPresent(): void {
  try {
    isHstsPreloaded("example.invalid");
  } catch {
    throw new CheckFailure(
      "the Observatory's HSTS preload list is missing (node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json); run node scripts/observatory-preload-list.mjs",
    );
  }
}

/**
 * Runs every Observatory test on what was fetched and grades them as the
 * Observatory's scanner does. Throws CheckFailure when neither scheme
 * answered, or the answer has a status the Observatory does not grade
 * (anything but 2xx, 3xx, 401 and 403).
 */
export function gradeSite(input: ObservatoryInput): ObservatoryGrade {
  assertPreloadListPresent();
  // As the retriever: the https chain's answer when there is one, else the http chain's.
  const auto = input.https ?? input.http;
  if (!auto) throw new CheckFailure(`no answer from ${input.hostname}`);
  const status = auto.status;
  if (status < 200 || (status >= 400 && status !== 401 && status !== 403)) {
    throw new CheckFailure(`${status} from ${auto.url}: the Observatory grades only 2xx, 3xx, 401 and 403 answers`, { status, url: auto.url });
  }

  const autoResponse = asResponse(auto);
  const contentType = String(auto.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  autoResponse.httpEquiv = HTML_TYPES.has(contentType) && autoResponse.data ? parseHttpEquivHeaders(autoResponse.data, startOf(auto)) : new Map();

  // The cookies the chain that was graded set, every hop included, as the
  // retriever's cookie jar collects them.
  const jar = new CookieJar();
  for (const hop of [...auto.redirectResponses, { url: auto.url, headers: auto.headers }]) {
    for (const cookie of [hop.headers["set-cookie"] ?? []].flat()) jar.setCookieSync(cookie, hop.url, { ignoreError: true });
  }

  const httpRoute = input.http ? routeOf(input.http) : [];
  const requests = {
    hostname: input.hostname,
    resources: { path: autoResponse.data },
    responses: {
      auto: autoResponse,
      http: input.http ? (input.http === auto ? autoResponse : asResponse(input.http)) : null,
      https: input.https ? autoResponse : null,
      // The retriever records the http chain for both (its https chain is graded by HSTS instead).
      httpRedirects: httpRoute,
      httpsRedirects: httpRoute,
      cors: input.cors ? asResponse(input.cors, input.corsRequestHeaders) : null,
    },
    session: { url: new URL(startOf(auto)), jar },
  };

  const results = ALL_TESTS.map((test) => test(requests));
  let testsPassed = 0;
  let scoreWithExtraCredit = 100;
  let uncurvedScore = 100;
  const tests: Record<string, ObservatoryTestResult> = {};
  for (const result of results) {
    let scoreModifier = 0;
    let scoreDescription = "";
    if (result.result) {
      scoreDescription = getScoreDescription(result.result);
      scoreModifier = getScoreModifier(result.result);
      testsPassed += result.pass ? 1 : 0;
      scoreWithExtraCredit += scoreModifier;
      if (scoreModifier < 0) uncurvedScore += scoreModifier;
    }
    tests[result.constructor.name] = { pass: result.pass === true, result: result.result, scoreModifier, scoreDescription };
  }
  // Bonuses count only when the penalties alone leave an A.
  const { score, grade } = getGradeForScore(uncurvedScore >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? scoreWithExtraCredit : uncurvedScore);
  return { score, grade, algorithmVersion: ALGORITHM_VERSION, testsPassed, testsFailed: NUM_TESTS - testsPassed, testsQuantity: NUM_TESTS, tests, statusCode: status };
}

// The address the graded chain started at (the retriever's session URL).
const startOf = (response: GuardedResponse) => response.redirects[0] ?? response.url;
