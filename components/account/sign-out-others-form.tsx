"use client";

import { useActionState } from "react";
import { signOutOtherSessionsAction } from "@/lib/server/actions/account";
import { formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function SignOutOthersForm() {
  const [state, action, pending] = useActionState(signOutOtherSessionsAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-3">
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">Every other session has been signed out.</Alert>}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Signing out…" : "Sign out of other sessions"}
      </Button>
    </form>
  );
}
