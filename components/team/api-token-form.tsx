"use client";

import { useActionState } from "react";
import { createApiTokenAction } from "@/lib/server/actions/api-tokens";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { API_TOKEN_SCOPES, SCOPE_DESCRIPTION } from "@/lib/domain/api-tokens";

const scopeLabel = (scope: (typeof API_TOKEN_SCOPES)[number]) => (scope === "read" ? "Read" : "Write");
const scopeOptions = API_TOKEN_SCOPES.map((scope) => ({ value: scope, label: scopeLabel(scope) }));
const scopeHint = API_TOKEN_SCOPES.map((scope) => `${scopeLabel(scope)}: ${SCOPE_DESCRIPTION[scope].toLowerCase()}.`).join(" ");

export function ApiTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, null);
  const message = formError(state);
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start" noValidate>
        {message && (
          <div className="sm:col-span-4">
            <Alert>{message}</Alert>
          </div>
        )}
        <TextField id="api-token-name" name="name" label="Token name" placeholder="GitHub Actions" required autoComplete="off" defaultValue={state?.ok ? "" : previous(state, "name")} errors={fieldErrors(state, "name")} />
        <SelectField name="scope" label="Scope" hint={scopeHint} options={scopeOptions} defaultValue={previous(state, "scope") ?? "write"} errors={fieldErrors(state, "scope")} />
        <TextField
          name="expiresInDays"
          label="Expires in (days)"
          inputMode="numeric"
          placeholder="Never"
          defaultValue={state?.ok ? "" : previous(state, "expiresInDays")}
          errors={fieldErrors(state, "expiresInDays")}
        />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state?.ok && (
        <OneTimeSecret
          title={`Token “${state.data.name}” created with ${state.data.scope} scope.`}
          instruction="Copy it now: it is shown only once and Shipshape keeps only a hash of it."
          label="New API token"
          value={state.data.secret}
          testId="api-token-secret"
        />
      )}
    </div>
  );
}
