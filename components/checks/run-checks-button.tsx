"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { runCheckAction, runProjectChecksAction } from "@/lib/server/actions/checks";

type Target = { checkId: string } | { projectId: string; itemKey?: string };

// What a run said, for the line beside the button.
type Said = { tone: "ok" | "bad"; text: string };

/**
 * "Re-check now": runs one check (`checkId`) or every check of a project or
 * item (`projectId`, `itemKey`) and says what came of it; the page shows the
 * new state once the server has answered.
 */
export function RunChecksButton({ target, label = "Re-check now", variant = "secondary", accessibleName }: { target: Target; label?: string; variant?: "primary" | "secondary"; accessibleName?: string }) {
  const [pending, start] = useTransition();
  const [said, setSaid] = useState<Said | null>(null);
  const run = () =>
    start(async () => {
      if ("checkId" in target) {
        const result = await runCheckAction(target.checkId);
        // The check's own line shows the result once the page is refreshed; only a refusal is said here.
        setSaid(result.ok ? null : { tone: "bad", text: result.error.message });
        return;
      }
      const result = await runProjectChecksAction(target.projectId, target.itemKey);
      if (!result.ok) setSaid({ tone: "bad", text: result.error.message });
      else {
        const { total, passed, failed } = result.data;
        setSaid({ tone: failed > 0 ? "bad" : "ok", text: total === 0 ? "No checks to run." : `${total} ${total === 1 ? "check" : "checks"} run: ${passed} passed, ${failed} failed.` });
      }
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" size="sm" variant={variant} disabled={pending} onClick={run} aria-label={accessibleName}>
        {pending ? "Checking…" : label}
      </Button>
      {said && !pending && (
        <span role="status" className={said.tone === "bad" ? "text-xs text-red-700" : "text-xs text-emerald-700"}>
          {said.text}
        </span>
      )}
    </span>
  );
}
