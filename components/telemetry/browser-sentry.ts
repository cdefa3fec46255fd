// Sentry's browser SDK is about a fifth of every page's script (some 200 KB
// before compression). Most installations set no DSN, so it is fetched only
// where the root layout hands one over (<meta name="sentry-dsn">): a
// dynamic import, started as the page starts (instrumentation-client.ts).
// An error thrown before it has loaded is still reported, once it has.

type SentryModule = typeof import("@sentry/nextjs");

let loading: Promise<SentryModule> | null | undefined;

/** The initialised SDK, loading it on the first call; null when no DSN is configured (or outside a browser). */
export function browserSentry(): Promise<SentryModule> | null {
  if (loading !== undefined) return loading;
  const meta = typeof document === "undefined" ? null : document.querySelector<HTMLMetaElement>('meta[name="sentry-dsn"]');
  loading = meta?.content
    ? import("@sentry/nextjs").then((Sentry) => {
        Sentry.init({ dsn: meta.content, environment: meta.dataset.environment || undefined, tracesSampleRate: 0 });
        return Sentry;
      })
    : null;
  return loading;
}

/** Reports an error caught by an error boundary, where a DSN is configured. */
export function reportBrowserError(error: unknown): void {
  void browserSentry()?.then((Sentry) => Sentry.captureException(error));
}
