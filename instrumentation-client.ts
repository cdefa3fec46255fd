import * as Sentry from "@sentry/nextjs";

// The DSN is a run-time setting, handed to the browser by the root layout.
const meta = typeof document !== "undefined" ? document.querySelector<HTMLMetaElement>('meta[name="sentry-dsn"]') : null;

if (meta?.content) {
  Sentry.init({
    dsn: meta.content,
    environment: meta.dataset.environment || undefined,
    tracesSampleRate: 0,
  });
}

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
