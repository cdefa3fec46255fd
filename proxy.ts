// Runs in front of every page and API request: gives it a request id, a
// per-request CSP nonce, a log line, and (when configured) Clerk's session
// handling. While the database is unreachable, pages and the REST API answer
// 503 here, at once (docs/adr/0024-database-faults.md).
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import {
  buildContentSecurityPolicy,
  clerkFrontendApiFromKey,
  sentryOriginFromDsn,
} from "@/lib/security/content-security-policy";
import { logger } from "@/lib/server/kernel/logger";
import { actionBodyResponse, decodablePath, malformedPathResponse } from "@/lib/security/malformed-request";
import { redactUrlSecrets } from "@/lib/server/kernel/redact-url";
import { databaseLikelyUp } from "@/lib/server/kernel/db-health";
import { unavailableAction, unavailableJson, unavailablePage } from "@/lib/server/kernel/unavailable";

// Read through a variable name: Next inlines `process.env.NEXT_PUBLIC_*` at
// build time, but whether Clerk is on is decided per deployment, at run time.
const env = (name: string) => process.env[name];
const clerkPublishableKey = env("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY");
const clerkEnabled = Boolean(clerkPublishableKey && env("CLERK_SECRET_KEY"));
const development = process.env.NODE_ENV === "development";
const https = (env("APP_URL") ?? "").startsWith("https://");

function decorate(request: NextRequest): { requestHeaders: Headers; csp: string; requestId: string } {
  const requestId = request.headers.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
  const nonce = btoa(crypto.randomUUID());
  const csp = buildContentSecurityPolicy({
    nonce,
    development,
    https,
    clerkFrontendApi: clerkEnabled ? clerkFrontendApiFromKey(clerkPublishableKey) : undefined,
    sentryOrigin: sentryOriginFromDsn(env("SENTRY_DSN")),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  logger.info(
    { requestId, method: request.method, path: redactUrlSecrets(request.nextUrl), userAgent: request.headers.get("user-agent") },
    "request",
  );
  return { requestHeaders, csp, requestId };
}

function respond(request: NextRequest): NextResponse {
  const { requestHeaders, csp, requestId } = decorate(request);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

// Pages and the REST API need the database; health, readiness and the rest
// of /api answer for themselves.
const needsDatabase = (path: string) => path.startsWith("/api/v1/") || !(path.startsWith("/api/") || path.startsWith("/_next/"));

// A page that fails while rendering can only answer 500 (the App Router has no
// other status for errors), so an outage is answered here instead: 503 with
// Retry-After, before any rendering. Cheap while the database answers (no
// probe when a statement succeeded in the last few seconds).
async function unavailableResponse(request: NextRequest, path: string): Promise<Response | undefined> {
  if (!needsDatabase(path) || (await databaseLikelyUp())) return undefined;
  const requestId = request.headers.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
  logger.warn({ requestId, method: request.method, path: redactUrlSecrets(request.nextUrl) }, "database unavailable: answered 503");
  if (path.startsWith("/api/")) return unavailableJson(requestId);
  // A form's server action: a page of HTML in reply would make the browser show the generic error.
  if (request.method === "POST" && request.headers.has("next-action")) {
    return unavailableAction(requestId, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  }
  return unavailablePage(requestId);
}

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const rawPath = new URL(request.url).pathname;
  if (!decodablePath(rawPath)) return malformedPathResponse(rawPath);
  const unreadable = actionBodyResponse(request.method, rawPath, request.headers);
  if (unreadable) return unreadable;
  const unavailable = await unavailableResponse(request, rawPath);
  if (unavailable) return unavailable;
  if (!clerkEnabled) return respond(request);
  const { clerkMiddleware } = await import("@clerk/nextjs/server");
  const withClerk = clerkMiddleware(async () => respond(request), {
    publishableKey: clerkPublishableKey,
    secretKey: env("CLERK_SECRET_KEY"),
    signInUrl: "/sign-in",
  });
  return withClerk(request, event);
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|woff2)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
