import { browserSentry } from "@/components/telemetry/browser-sentry";

// The DSN is a run-time setting, handed to the browser by the root layout;
// without one, Sentry's SDK is not even fetched (components/telemetry/browser-sentry.ts).
browserSentry();

export function onRouterTransitionStart(href: string, navigationType: "push" | "replace" | "traverse") {
  void browserSentry()?.then((Sentry) => Sentry.captureRouterTransitionStart(href, navigationType));
}
