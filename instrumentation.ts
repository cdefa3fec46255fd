import * as Sentry from "@sentry/nextjs";

// Runs once when the server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server/start-up");
}

// Errors in route handlers, server actions and rendering.
export const onRequestError = Sentry.captureRequestError;
