"use client";

import { reportBrowserError } from "@/components/telemetry/browser-sentry";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    reportBrowserError(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <button onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white">
        Try again
      </button>
    </main>
  );
}
