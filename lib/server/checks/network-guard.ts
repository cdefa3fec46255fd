// The SSRF guard every check's connection goes through
// (docs/adr/0028-check-runners-and-network-guard.md):
//
// 1. The host name is looked up once, and every answer is judged by the
//    network policy (network-policy.ts); the first allowed address is pinned.
// 2. The socket connects to that pinned address — the lookup the connection
//    makes returns it and nothing else — while SNI, certificate checks and the
//    Host header keep the name. A resolver that answers differently the second
//    time (DNS rebinding) is never asked a second time.
// 3. The connection is made through request-filtering-agent, which judges the
//    address again at connect time with its own list (ipaddr.js ranges) and
//    the operator's ranges: a second, independent opinion.
// 4. Redirects are followed here, at most five, and every hop is judged again.
// 5. A response is read up to a size cap and within one deadline for the
//    whole exchange, redirects included.
import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import net from "node:net";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { ALLOWED_NETWORKS_VARIABLE, judgeAddress, networkPolicyFromEnv, type NetworkPolicy } from "./network-policy";
import { systemLookup, type LookupFunction, type ResolvedAddress } from "./resolvers";

/** A failure of the target a check can describe in one line; runners turn it into a failed outcome. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "CheckFailure";
  }
}

/** The guard refused an address; the message starts with "refused:". */
export class NetworkRefusal extends CheckFailure {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(`refused: ${reason}`, details);
    this.name = "NetworkRefusal";
  }
}

export type GuardOptions = { policy?: NetworkPolicy; lookup?: LookupFunction };

export type PinnedTarget = { hostname: string; address: string; family: 4 | 6; isIpLiteral: boolean };

/**
 * A host as a URL would read it: lower case, without IPv6 brackets, and IPv4
 * in its one dotted form — `2130706433`, `0177.0.0.1` and `0x7f.1` are all
 * 127.0.0.1, which is what the system resolver would make of them too.
 */
export function normaliseHost(host: string): string {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (net.isIPv6(bare)) return bare.toLowerCase();
  try {
    return new URL(`http://${bare}/`).hostname;
  } catch {
    throw new CheckFailure(`"${host}" is not a valid host name`);
  }
}

/**
 * Looks a host up once and pins the first address the policy allows.
 * Throws NetworkRefusal when it allows none, CheckFailure when the name does not resolve.
 */
export async function pinHost(host: string, options: GuardOptions = {}): Promise<PinnedTarget> {
  const policy = options.policy ?? networkPolicyFromEnv();
  const hostname = normaliseHost(host);
  const isIpLiteral = net.isIP(hostname) !== 0;
  let answers: ResolvedAddress[];
  if (isIpLiteral) {
    answers = [{ address: hostname, family: net.isIP(hostname) as 4 | 6 }];
  } else {
    try {
      answers = await (options.lookup ?? systemLookup)(hostname);
    } catch (error) {
      throw new CheckFailure(`${hostname} does not resolve (${errorCode(error)})`);
    }
    if (answers.length === 0) throw new CheckFailure(`${hostname} does not resolve (no address)`);
  }
  const verdicts = answers.map((answer) => judgeAddress(answer.address, policy));
  const pinned = verdicts.find((verdict) => verdict.allowed);
  if (!pinned || !pinned.allowed) {
    const first = verdicts[0];
    if (first.allowed) throw new Error("unreachable: no allowed address, yet the first is allowed");
    const reason = isIpLiteral ? first.reason : `${hostname} resolves to ${first.address}, ${first.kind} (set ${ALLOWED_NETWORKS_VARIABLE} to allow it)`;
    throw new NetworkRefusal(reason, {
      host: hostname,
      addresses: answers.map((answer) => answer.address),
    });
  }
  return { hostname, address: pinned.address, family: pinned.family, isIpLiteral };
}

/** A `lookup` for net/tls/http that answers with the pinned address only, whatever it is asked. */
export function pinnedLookup(target: PinnedTarget): net.LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family } satisfies LookupAddress]);
    else callback(null, target.address, target.family);
  }) as unknown as net.LookupFunction;
}

export const MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
const USER_AGENT = "Shipshape-Check/1 (+https://github.com/shipshape; readiness check)";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type GuardedRequest = GuardOptions & {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** The whole exchange, redirects included, must end within this. */
  timeoutMs: number;
  /** Bytes of the final body kept; reading stops there. */
  maxBytes?: number;
  maxRedirects?: number;
  /** PEM certificates to trust instead of the system's roots. */
  trustedCertificates?: string[];
  signal?: AbortSignal;
};

/** One redirect on the way to a GuardedResponse. */
export type RedirectResponse = { url: string; status: number; headers: http.IncomingHttpHeaders };

export type GuardedResponse = {
  /** The URL of the last hop. */
  url: string;
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Bytes read; when truncated, the body was longer than maxBytes. */
  bytes: number;
  truncated: boolean;
  /** The address the last hop connected to. */
  address: string;
  /** The URLs redirected through, in order (without the last). */
  redirects: string[];
  /** Each redirect's own answer (status and headers, such as its Set-Cookie), in the order of `redirects`. */
  redirectResponses: RedirectResponse[];
  /** Milliseconds from the first request to the last hop's response headers. */
  latencyMs: number;
};

/**
 * An HTTP(S) request through the guard: each hop's host pinned and judged,
 * redirects followed by hand, the body capped. Throws CheckFailure (or its
 * NetworkRefusal) with a readable message for everything that can go wrong.
 */
export async function guardedRequest(url: string, options: GuardedRequest): Promise<GuardedResponse> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const redirects: string[] = [];
  const redirectResponses: RedirectResponse[] = [];
  let current = url;
  let method = (options.method ?? "GET").toUpperCase();
  let body = options.body;
  let headers = options.headers ?? {};
  for (let hop = 0; ; hop++) {
    const target = parseTarget(current);
    const pinned = await pinHost(target.hostname, options);
    const response = await oneRequest(target, pinned, { ...options, method, body, headers, signal, timeout });
    if (REDIRECTS.has(response.status) && typeof response.headers.location === "string") {
      if (hop >= (options.maxRedirects ?? MAX_REDIRECTS)) {
        throw new CheckFailure(`more than ${options.maxRedirects ?? MAX_REDIRECTS} redirects from ${url}`, { redirects: [...redirects, current] });
      }
      redirects.push(current);
      redirectResponses.push({ url: current, status: response.status, headers: response.headers });
      const from = new URL(current).origin;
      try {
        current = new URL(response.headers.location, current).toString();
      } catch {
        throw new CheckFailure(`${current} redirects to an invalid address`);
      }
      // Credentials are for the origin they were given for, never for where it redirects.
      if (new URL(current).origin !== from) headers = withoutCredentials(headers);
      // As browsers do: 303, and 301/302 after a POST, continue as GET.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = method === "HEAD" ? "HEAD" : "GET";
        body = undefined;
      }
      continue;
    }
    return { ...response, url: current, address: pinned.address, redirects, redirectResponses, latencyMs: Math.round(response.headersAt - started) };
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !["authorization", "cookie"].includes(name.toLowerCase())));
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CheckFailure(`"${url}" is not a valid address`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new NetworkRefusal(`${parsed.protocol} addresses are not checked, only http and https`);
  if (parsed.username || parsed.password) throw new CheckFailure("addresses with a user name or password are not checked");
  return parsed;
}

type HopOptions = GuardedRequest & { method: string; signal: AbortSignal; timeout: AbortSignal };
type HopResponse = Omit<GuardedResponse, "url" | "address" | "redirects" | "redirectResponses" | "latencyMs"> & { headersAt: number };

function oneRequest(target: URL, pinned: PinnedTarget, options: HopOptions): Promise<HopResponse> {
  const secure = target.protocol === "https:";
  const agentOptions = { allowIPAddressList: allowedFor(options.policy ?? networkPolicyFromEnv(), pinned.family), keepAlive: false };
  const agent = secure ? new RequestFilteringHttpsAgent(agentOptions) : new RequestFilteringHttpAgent(agentOptions);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<HopResponse>((resolve, reject) => {
    const fail = (error: unknown) => reject(describeError(error, target, options));
    const request = (secure ? https : http).request(
      target,
      {
        method: options.method,
        agent,
        lookup: pinnedLookup(pinned),
        signal: options.signal,
        headers: { "user-agent": USER_AGENT, accept: "*/*", "accept-encoding": "identity", ...options.headers },
        ...(secure ? { servername: pinned.isIpLiteral ? undefined : pinned.hostname, ca: options.trustedCertificates } : {}),
      },
      (response) => {
        const headersAt = performance.now();
        const chunks: Buffer[] = [];
        let bytes = 0;
        let truncated = false;
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            headers: response.headers,
            body: Buffer.concat(chunks),
            bytes,
            truncated,
            headersAt,
          });
        // A redirect's body is never read.
        if (REDIRECTS.has(response.statusCode ?? 0) && response.headers.location) {
          response.destroy();
          finish();
          return;
        }
        response.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - bytes;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            bytes = maxBytes;
            truncated = true;
            response.destroy();
            finish();
            return;
          }
          chunks.push(chunk);
          bytes += chunk.length;
        });
        response.on("end", finish);
        response.on("error", (error) => {
          if (!truncated) fail(error);
        });
        response.on("aborted", () => {
          if (!truncated) fail(options.signal.reason ?? new Error("the connection closed early"));
        });
      },
    );
    request.on("error", fail);
    request.end(options.body);
  }).finally(() => agent.destroy());
}

/** The operator's ranges of one family, for request-filtering-agent (ipaddr.js cannot compare across families). */
export function allowedFor(policy: NetworkPolicy, family: 4 | 6): string[] {
  return policy.allowed.filter((cidr) => cidr.family === family).map((cidr) => cidr.text);
}

/** request-filtering-agent's refusal ("DNS lookup 10.0.0.5(family:4, host:…) is not allowed. …") as ours, else null. */
export function agentRefusal(error: unknown): NetworkRefusal | null {
  const refused = /^DNS lookup (\S+?)\(.*is not allowed/.exec(error instanceof Error ? error.message : "");
  return refused ? new NetworkRefusal(`${refused[1]} is not a public address (set ${ALLOWED_NETWORKS_VARIABLE} to allow it)`) : null;
}

/** Words for a network error, for a check's summary. */
function describeError(error: unknown, target: URL, options: HopOptions): CheckFailure {
  if (error instanceof CheckFailure) return error;
  if (options.timeout.aborted) return new CheckFailure(`no answer from ${target.origin} within ${options.timeoutMs} ms`, { timeoutMs: options.timeoutMs });
  if (options.signal.aborted) return new CheckFailure("cancelled");
  const message = error instanceof Error ? error.message : String(error);
  const refused = agentRefusal(error);
  if (refused) return refused;
  return new CheckFailure(`${target.origin}: ${friendlyCode(errorCode(error), message)}`, { error: errorCode(error) });
}

export function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}

const CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "name not found",
  ETIMEDOUT: "connection timed out",
  EPROTO: "TLS handshake failed",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS: self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS: self-signed certificate in the chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS: certificate not signed by a trusted authority",
  CERT_HAS_EXPIRED: "TLS: certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS: certificate is not valid for this name",
};

function friendlyCode(code: string, message: string): string {
  return CODES[code] ?? message;
}
