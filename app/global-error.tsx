"use client";

import { reportBrowserError } from "@/components/telemetry/browser-sentry";
import { useEffect } from "react";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    reportBrowserError(error);
  }, [error]);
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Something went wrong</h1>
        <p>The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
