// A small client for Shipshape's REST API, configured like CI jobs are: by
// SHIPSHAPE_URL and SHIPSHAPE_TOKEN. Needs no database and no Shipshape
// checkout beyond this CLI.
import type { ErrorBody } from "@/lib/schemas/errors";
import { CliError, usageError } from "./output";

/** One request; `timeoutMs` (default 30 s) bounds the whole exchange, e.g. longer for a check that runs while the request waits. */
export type ApiClient = <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>, timeoutMs?: number) => Promise<{ status: number; data: T }>;

export function apiClientFromEnvironment(env: NodeJS.ProcessEnv = process.env): ApiClient {
  const base = env.SHIPSHAPE_URL?.trim().replace(/\/+$/, "");
  const token = env.SHIPSHAPE_TOKEN?.trim();
  if (!base) throw usageError("Set SHIPSHAPE_URL to your Shipshape's address, e.g. https://shipshape.example.com.");
  if (!token) throw usageError("Set SHIPSHAPE_TOKEN to a write-scope API token (team settings → API tokens).");
  return async (method, path, body, headers = {}, timeoutMs = 30_000) => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          "user-agent": "shipshape-cli",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CliError({ code: "UNREACHABLE", message: `Could not reach ${base}: ${(error as Error).message}` });
    }
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      throw new CliError({ code: "BAD_RESPONSE", message: `${base} answered ${response.status} with something other than JSON. Is SHIPSHAPE_URL right?` });
    }
    if (!response.ok) {
      const error = (data as { error?: ErrorBody } | null)?.error;
      throw new CliError(error ?? { code: `HTTP_${response.status}`, message: `${base} answered ${response.status}.` });
    }
    return { status: response.status, data: data as never };
  };
}
