import * as Sentry from "@sentry/nextjs";

// Runs once when the server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server/start-up");
}

// Errors in route handlers, server actions and rendering, but for a server
// action whose arguments Next could not decode: that request was malformed
// (the client's fault; it gets a 400), and reporting each one would let anyone
// fill the error tracker.
export const onRequestError: typeof Sentry.captureRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { actionArgumentsUnread } = await import("./lib/server/actions/action-started");
    if (actionArgumentsUnread()) return;
  }
  return Sentry.captureRequestError(error, request, context);
};
