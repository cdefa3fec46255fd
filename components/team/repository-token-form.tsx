"use client";

import { useActionState } from "react";
import { storeRepositoryTokenAction } from "@/lib/server/actions/repository-tokens";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function RepositoryTokenForm() {
  const [state, action, pending] = useActionState(storeRepositoryTokenAction, null);
  const message = formError(state);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_1.5fr_auto] sm:items-start" noValidate aria-label="Store a read token">
      {message && (
        <div className="sm:col-span-4">
          <Alert>{message}</Alert>
        </div>
      )}
      <TextField id="repository-token-host" name="host" label="Git host" placeholder="github.com" required autoComplete="off" defaultValue={state?.ok ? "" : previous(state, "host")} errors={fieldErrors(state, "host")} />
      <TextField id="repository-token-username" name="username" label="User name" placeholder="x-access-token" autoComplete="off" defaultValue={state?.ok ? "" : previous(state, "username")} errors={fieldErrors(state, "username")} />
      <TextField id="repository-token-secret" name="token" label="Read token" type="password" required autoComplete="off" errors={fieldErrors(state, "token")} />
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {pending ? "Storing…" : "Store token"}
      </Button>
      {state?.ok && (
        <p className="text-sm text-emerald-700 sm:col-span-4" role="status">
          Stored the read token for {state.data.host}.
        </p>
      )}
    </form>
  );
}
