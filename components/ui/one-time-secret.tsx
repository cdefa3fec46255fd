"use client";

import type { ReactNode } from "react";
import { Alert } from "./alert";
import { CopyButton } from "./copy-button";

// A secret Shipshape shows once (an invitation link, an API token), with a
// read-only field to select it and a copy button.
export function OneTimeSecret({ title, instruction, label, value, testId }: { title: ReactNode; instruction: string; label: string; value: string; testId: string }) {
  return (
    <Alert tone="success">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{instruction}</p>
      <div className="mt-2 flex items-center gap-2">
        <input aria-label={label} readOnly value={value} className="min-w-0 flex-1 rounded border border-emerald-200 bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid={testId} />
        <CopyButton value={value} />
      </div>
    </Alert>
  );
}
