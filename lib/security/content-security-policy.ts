// Builds the Content-Security-Policy for one response. Scripts run only with
// the per-request nonce ('strict-dynamic' lets those scripts load their own
// chunks); nothing inline, no eval outside development.

export type CspOptions = {
  nonce: string;
  development: boolean;
  https: boolean;
  /** Origin of the Clerk Frontend API, when Clerk is the identity provider. */
  clerkFrontendApi?: string;
  /** Origin that receives Sentry events from the browser, when a DSN is set. */
  sentryOrigin?: string;
};

export function buildContentSecurityPolicy(options: CspOptions): string {
  const clerk = options.clerkFrontendApi;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
      ...(clerk ? [clerk, "https://challenges.cloudflare.com"] : []),
    ],
    // React and Radix set style attributes; inline styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...(clerk ? ["https://img.clerk.com"] : [])],
    "font-src": ["'self'"],
    "connect-src": [
      "'self'",
      ...(options.sentryOrigin ? [options.sentryOrigin] : []),
      ...(clerk ? [clerk, "https://clerk-telemetry.com", "https://*.clerk-telemetry.com"] : []),
      ...(options.development ? ["ws:"] : []),
    ],
    "frame-src": clerk ? ["'self'", "https://challenges.cloudflare.com"] : ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (options.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

// A Clerk publishable key is "pk_(test|live)_" + base64("<frontend api host>$").
export function clerkFrontendApiFromKey(publishableKey: string | undefined): string | undefined {
  const match = publishableKey?.match(/^pk_(test|live)_(.+)$/);
  if (!match) return undefined;
  try {
    const host = atob(match[2]).replace(/\$$/, "");
    return /^[a-z0-9.-]+$/i.test(host) ? `https://${host}` : undefined;
  } catch {
    return undefined;
  }
}

export function sentryOriginFromDsn(dsn: string | undefined): string | undefined {
  if (!dsn) return undefined;
  try {
    return new URL(dsn).origin;
  } catch {
    return undefined;
  }
}
