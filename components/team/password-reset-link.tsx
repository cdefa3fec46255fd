"use client";

import { useState, useTransition } from "react";
import { createPasswordResetLinkAction } from "@/lib/server/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";

// An admin creates a one-time password reset link for a member and hands it
// over; it is shown once, here.
export function PasswordResetLink({ membershipId, name }: { membershipId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ link: string } | { error: string }>();
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const outcome = await createPasswordResetLinkAction(membershipId);
            setResult(outcome.ok ? { link: outcome.data.link } : { error: outcome.error.message });
          })
        }
      >
        Reset password<span className="sr-only"> of {name}</span>
      </Button>
      {result && (
        <div className="basis-full">
          {"link" in result ? (
            <OneTimeSecret
              title={`Password reset link for ${name} created.`}
              instruction="Send it to them (it is shown only once, works once, for 24 hours, and signs them out everywhere):"
              label="Password reset link"
              value={result.link}
              testId="password-reset-link"
            />
          ) : (
            <Alert>{result.error}</Alert>
          )}
        </div>
      )}
    </>
  );
}
