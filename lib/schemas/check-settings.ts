// The settings of an automated check, one schema per kind. They are
// what a lead types in a form or sends to the API, so every rule is a field
// error with a message that says what to do; the runners
// (lib/server/checks/runners) trust the parsed values and their ranges.
import { z } from "zod";
import { httpUrlWithoutCredentials, plainString } from "./fields";

export const CHECK_KINDS = ["http", "tls", "dns", "repository", "reported", "headers"] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The longest any check may wait for its target, in milliseconds. */
export const MAX_CHECK_TIMEOUT_MS = 30_000;

const wholeNumber = (label: string, min: number, max: number, unit = "") =>
  z
    .number({ error: `Enter ${label}.` })
    .int(`Use a whole number for ${label}.`)
    .min(min, `Use at least ${min}${unit} for ${label}.`)
    .max(max, `Use at most ${max}${unit} for ${label}.`);

// The address a check requests. A user name or password in it would be
// stored and shown to everyone who can read the project (and the runner
// refuses to send them anyway), so it is refused here, where it is typed.
const checkUrl = httpUrlWithoutCredentials("Leave the user name and password out of the address; a private repository takes a stored read token instead.");

const timeoutMs = wholeNumber("the timeout", 100, MAX_CHECK_TIMEOUT_MS, " ms").default(10_000).meta({
  description: `How long to wait for the target, in milliseconds (100–${MAX_CHECK_TIMEOUT_MS}).`,
});

// ── HTTP endpoint ──────────────────────────────────────────────────────────

const statusCode = (label: string) => wholeNumber(label, 100, 599);

// A JSON path such as `status`, `checks.database.status` or `items[0].name`:
// property names and array indexes, nothing evaluated.
const JSON_PATH = /^\$?\.?[A-Za-z_$][\w$-]*(\[\d{1,6}\])*(\.[A-Za-z_$][\w$-]*(\[\d{1,6}\])*)*$/;

const jsonExpectation = z.object({
  path: plainString({ error: "Enter the JSON path, such as status or checks.database.status." })
    .trim()
    .min(1, "Enter the JSON path, such as status or checks.database.status.")
    .max(200, "Use at most 200 characters.")
    .regex(JSON_PATH, "Use property names and indexes, such as status, checks.database.status or items[0].name."),
  // The value the path must hold: a string, number, boolean or null, compared exactly.
  equals: z.union([plainString().max(1000, "Use at most 1000 characters."), z.number(), z.boolean(), z.null()], {
    error: "Enter the expected value: text, a number, true, false or null.",
  }),
});

export const httpCheckSettings = z
  .object({
    kind: z.literal("http"),
    url: checkUrl,
    method: z.enum(["GET", "HEAD"], { error: "Choose GET or HEAD." }).default("GET"),
    expectedStatus: z
      .object({ min: statusCode("the lowest status"), max: statusCode("the highest status") })
      .refine((range) => range.min <= range.max, { message: "The lowest status must not be above the highest.", path: ["max"] })
      .default({ min: 200, max: 399 })
      .meta({ description: "The statuses that pass, inclusive; 200–399 unless set." }),
    // Text the body must contain (the first 1 MB is read).
    bodyContains: plainString().max(1000, "Use at most 1000 characters.").min(1, "Enter the text the body must contain, or leave it out.").optional(),
    bodyJson: jsonExpectation.optional(),
    maxLatencyMs: wholeNumber("the maximum latency", 1, MAX_CHECK_TIMEOUT_MS, " ms").optional(),
    timeoutMs,
  })
  .refine((settings) => settings.method === "GET" || (settings.bodyContains === undefined && settings.bodyJson === undefined), {
    message: "A HEAD request has no body to check; use GET.",
    path: ["method"],
  });

// ── TLS certificate ────────────────────────────────────────────────────────

// A host name or an IP address, without scheme, port or path.
const HOST_NAME = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

// A host name, an IPv4 address, or an IPv6 address with or without its
// brackets. A name whose last label is a number is read as an IPv4 address
// by resolvers and URL parsers alike (1.2.3 is 1.2.0.3), so it must be a
// whole dotted quad; IPv6 is checked by the URL parser, which the browser
// has too.
function isHostOrAddress(value: string): boolean {
  if (HOST_NAME.test(value)) {
    const labels = value.replace(/\.$/, "").split(".");
    return !/^\d+$/.test(labels[labels.length - 1]) || IPV4.test(value.replace(/\.$/, ""));
  }
  const bare = value.replace(/^\[(.*)\]$/, "$1");
  return /^[0-9a-f:.]+$/.test(bare) && bare.includes(":") && URL.canParse(`http://[${bare}]/`);
}
const host = plainString({ error: "Enter a host name, such as example.com." })
  .trim()
  .min(1, "Enter a host name, such as example.com.")
  .max(253, "Use at most 253 characters.")
  .transform((value) => value.toLowerCase())
  .refine(isHostOrAddress, "Enter only the host name, such as example.com (no https://, port or path).")
  .transform((value) => value.replace(/^\[(.*)\]$/, "$1"));

export const TLS_PROTOCOLS = ["TLSv1.2", "TLSv1.3"] as const;

export const tlsCheckSettings = z.object({
  kind: z.literal("tls"),
  host,
  port: wholeNumber("the port", 1, 65_535).default(443),
  minDaysLeft: wholeNumber("the days left", 0, 365).default(21).meta({ description: "Fails when the certificate expires in fewer days (0–365, default 21)." }),
  minProtocol: z.enum(TLS_PROTOCOLS, { error: "Choose TLSv1.2 or TLSv1.3." }).default("TLSv1.2"),
  timeoutMs,
});

// ── DNS record ─────────────────────────────────────────────────────────────

export const DNS_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "CAA"] as const;

export const dnsCheckSettings = z.object({
  kind: z.literal("dns"),
  name: host,
  type: z.enum(DNS_RECORD_TYPES, { error: `Choose a record type: ${DNS_RECORD_TYPES.join(", ")}.` }),
  // Passes when one record equals it (names compared without case or final dot).
  expectedValue: plainString().trim().min(1, "Enter the expected value, or leave it out.").max(1000, "Use at most 1000 characters.").optional(),
  timeoutMs,
});

// ── Repository files ───────────────────────────────────────────────────────

export const MAX_PATTERN_LENGTH = 200;

// Repetition inside a repeated group, such as (a+)+ or (\w*)*: the classic
// catastrophic backtracking. The runner also stops any pattern after a time
// limit; this catches the obvious ones at the form.
const NESTED_REPETITION = /\([^()]*[+*}][^()]*\)\s*[+*{]/;

const contentPattern = plainString()
  .min(1, "Enter a pattern, or leave it out.")
  .max(MAX_PATTERN_LENGTH, `Use at most ${MAX_PATTERN_LENGTH} characters.`)
  .refine((pattern) => {
    try {
      new RegExp(pattern, "u");
      return true;
    } catch {
      return false;
    }
  }, "This is not a valid regular expression.")
  .refine((pattern) => !NESTED_REPETITION.test(pattern), "Avoid repetition inside a repeated group, such as (a+)+: it can take forever.");

// A path in the repository, or a glob (`*`, `**`, `?`, `{a,b}`).
const filePattern = plainString({ error: "Enter a file path or glob, such as SECURITY.md or .github/workflows/*.yml." })
  .trim()
  .min(1, "Enter a file path or glob, such as SECURITY.md or .github/workflows/*.yml.")
  .max(300, "Use at most 300 characters.")
  .refine((value) => !value.startsWith("/") && !value.split("/").includes(".."), "Use a path inside the repository, without a leading / or ..");

const repositoryUrl = checkUrl.refine((value) => value.startsWith("https://"), "Use an https:// address.");
const localPath = plainString()
  .trim()
  .max(1000, "Use at most 1000 characters.")
  .refine((value) => value.startsWith("/") && !value.split("/").includes(".."), "Use an absolute path without .., such as /srv/git/app.git.");

export const repositoryCheckSettings = z
  .object({
    kind: z.literal("repository"),
    url: repositoryUrl.optional(),
    path: localPath.optional(),
    // Unset: the repository's default branch.
    branch: plainString()
      .trim()
      .min(1, "Enter a branch, or leave it out for the default branch.")
      .max(250, "Use at most 250 characters.")
      .regex(/^(?!-)(?!.*\.\.)[^\s~^:?*[\\]+$/, "This is not a valid branch name.")
      .optional(),
    files: z
      .array(z.object({ path: filePattern, pattern: contentPattern.optional() }), { error: "List the files that must exist." })
      .min(1, "List at least one file that must exist.")
      .max(50, "List at most 50 files."),
    // The id of a stored read token (a team secret); resolved by the caller.
    tokenRef: plainString().trim().min(1).max(64).optional(),
    timeoutMs: wholeNumber("the timeout", 1000, MAX_CHECK_TIMEOUT_MS, " ms").default(MAX_CHECK_TIMEOUT_MS),
  })
  .refine((settings) => (settings.url === undefined) !== (settings.path === undefined), {
    message: "Enter either an https:// address or a local path, not both.",
    path: ["url"],
  });

// ── Security headers ───────────────────────────────────────────────────────

/**
 * The tests MDN's HTTP Observatory runs (@mdn/mdn-http-observatory), by the
 * names it gives them. Kept here, not read from the library, because the
 * schemas also run in the browser; a unit test holds the two lists equal.
 */
export const OBSERVATORY_TESTS = [
  "content-security-policy",
  "cookies",
  "cross-origin-resource-sharing",
  "redirection",
  "referrer-policy",
  "strict-transport-security",
  "subresource-integrity",
  "x-content-type-options",
  "x-frame-options",
  "cross-origin-resource-policy",
] as const;
export type ObservatoryTest = (typeof OBSERVATORY_TESTS)[number];

/** The Observatory's highest score: 100 plus every bonus. */
export const MAX_OBSERVATORY_SCORE = 135;

const observatoryTest = plainString({ error: "Enter the name of an Observatory test." })
  .trim()
  .refine((value): value is ObservatoryTest => (OBSERVATORY_TESTS as readonly string[]).includes(value), {
    error: (issue) => `"${String(issue.input)}" is not an Observatory test; use one of ${OBSERVATORY_TESTS.join(", ")}.`,
  });

export const headersCheckSettings = z.object({
  kind: z.literal("headers"),
  url: checkUrl,
  minimumScore: wholeNumber("the minimum score", 0, MAX_OBSERVATORY_SCORE)
    .default(70)
    .meta({ description: `Fails below this Observatory score (0–${MAX_OBSERVATORY_SCORE}, default 70; 70 is a B).` }),
  requiredTests: z
    .array(observatoryTest, { error: "List the Observatory tests that must pass." })
    .max(OBSERVATORY_TESTS.length, `List at most ${OBSERVATORY_TESTS.length} tests.`)
    .transform((tests) => [...new Set(tests)] as ObservatoryTest[])
    .optional()
    .meta({ description: `Observatory tests that must pass whatever the score: ${OBSERVATORY_TESTS.join(", ")}.` }),
  timeoutMs,
});

// ── Reported by CI ─────────────────────────────────────────────────────────

export const reportedCheckSettings = z.object({
  kind: z.literal("reported"),
  maxAgeDays: wholeNumber("the number of days", 1, 365).meta({ description: "The result must be reported at least every this many days (1–365)." }),
});

/** The settings of any check, told apart by `kind`. */
export const checkSettings = z.discriminatedUnion(
  "kind",
  [httpCheckSettings, tlsCheckSettings, dnsCheckSettings, repositoryCheckSettings, reportedCheckSettings, headersCheckSettings],
  { error: `Choose a kind of check: ${CHECK_KINDS.join(", ")}.` },
);

export type CheckSettings = z.infer<typeof checkSettings>;
export type HttpCheckSettings = z.infer<typeof httpCheckSettings>;
export type TlsCheckSettings = z.infer<typeof tlsCheckSettings>;
export type DnsCheckSettings = z.infer<typeof dnsCheckSettings>;
export type RepositoryCheckSettings = z.infer<typeof repositoryCheckSettings>;
export type ReportedCheckSettings = z.infer<typeof reportedCheckSettings>;
export type HeadersCheckSettings = z.infer<typeof headersCheckSettings>;
