import type { Metadata } from "next";
import localFont from "next/font/local";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { ViewerTimeZoneProvider } from "@/components/time/viewer-time-zone";
import { parseTheme, THEME_COOKIE } from "@/lib/domain/theme";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/time-zone";
import { config } from "@/lib/server/kernel/config";
import { sentTimeZone, viewerTimeZone } from "@/lib/server/access/viewer-time-zone";
import "./globals.css";

// Served from the npm package, so the app needs no font CDN at build or run time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  // Not preloaded: text paints at once in the fallback face (metrics-matched
  // by next/font, so nothing moves) and the 47 KB font no longer competes
  // with the page's own scripts on a slow link.
  preload: false,
});

export const metadata: Metadata = {
  title: { default: "Shipshape", template: "%s · Shipshape" },
  description: "Production readiness, tracked live.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request first makes every page render per request: the CSP
  // nonce differs each time, and settings are read at run time, not build time.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const { clerkEnabled, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY, SENTRY_DSN, SENTRY_ENVIRONMENT } = config();
  // Signed-in pages refine the fallback to the team's zone (app/(app)/layout.tsx).
  const [sent, zone] = await Promise.all([sentTimeZone(), viewerTimeZone(DEFAULT_TIME_ZONE)]);
  // Light, dark or the system's: rendered by the server, so no script runs before paint.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const page = (
    <html lang="en" className={`${inter.variable} ${theme}`}>
      <head>
        {/* Read by instrumentation-client.ts: the DSN is a run-time setting. */}
        {SENTRY_DSN && <meta name="sentry-dsn" content={SENTRY_DSN} data-environment={SENTRY_ENVIRONMENT ?? ""} />}
      </head>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <ViewerTimeZoneProvider zone={zone} sent={sent}>
          {children}
        </ViewerTimeZoneProvider>
      </body>
    </html>
  );
  if (!clerkEnabled) return page;
  const { ClerkProvider } = await import("@clerk/nextjs");
  return (
    <ClerkProvider publishableKey={NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY} nonce={nonce} signInUrl="/sign-in" dynamic>
      {page}
    </ClerkProvider>
  );
}
