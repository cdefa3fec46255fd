// isomorphic-git's HTTP client, through the network guard: every request of
// a clone is pinned and judged like a check's own request, and the bytes of
// all its responses together are capped (a clone answers with a pack of the
// whole tree at the branch's tip, so a huge repository stops early).
import type { GitHttpRequest, GitHttpResponse, HttpClient } from "isomorphic-git/http/node";
import { CheckFailure, guardedRequest, type GuardOptions } from "./network-guard";

export type GitHttpOptions = GuardOptions & {
  /** All responses of the clone together may hold at most this many bytes. */
  maxBytes: number;
  /** When the whole clone must be done. */
  deadline: number;
  trustedCertificates?: string[];
  /** Sent as HTTP basic authentication to the repository's own origin only. */
  credentials?: { username?: string; password: string };
  signal?: AbortSignal;
};

async function collect(body: GitHttpRequest["body"]): Promise<Buffer | undefined> {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`);

/** An HttpClient for isomorphic-git that only reaches what the guard allows. */
export function guardedGitHttp(options: GitHttpOptions): HttpClient {
  let used = 0;
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const left = options.deadline - Date.now();
      if (left <= 0) throw new CheckFailure("the repository did not answer in time");
      const headers: Record<string, string> = { ...request.headers };
      if (options.credentials) {
        const { username = "x-access-token", password } = options.credentials;
        headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
      }
      const response = await guardedRequest(request.url, {
        ...options,
        method: request.method ?? "GET",
        headers,
        body: await collect(request.body),
        timeoutMs: left,
        maxBytes: options.maxBytes - used + 1,
      });
      used += response.bytes;
      if (used > options.maxBytes) throw new CheckFailure(`the repository sent more than ${sizeText(options.maxBytes)}`);
      const flatHeaders = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value ?? "")]));
      return {
        url: response.url,
        method: request.method,
        statusCode: response.status,
        statusMessage: response.statusText,
        headers: flatHeaders,
        body: (async function* () {
          yield new Uint8Array(response.body);
        })(),
      };
    },
  };
}
