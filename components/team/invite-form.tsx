"use client";

import { useActionState } from "react";
import { inviteAction } from "@/lib/server/actions/members";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { ROLE_DESCRIPTIONS } from "@/lib/domain/roles";
import { roleOptions } from "./role-options";

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteAction, null);
  const message = formError(state);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {message && <Alert>{message}</Alert>}
        <TextField name="email" type="email" label="Email" required autoComplete="off" defaultValue={state?.ok ? "" : previous(state, "email")} errors={fieldErrors(state, "email")} />
        <SelectField name="role" label="Role" options={roleOptions} defaultValue={previous(state, "role") ?? "ENGINEER"} errors={fieldErrors(state, "role")} />
        <details className="text-xs text-slate-500">
          <summary className="cursor-pointer">What each role may do</summary>
          <dl className="mt-2 space-y-1">
            {roleOptions.map((role) => (
              <div key={role.value}>
                <dt className="inline font-medium text-slate-700">{role.label}: </dt>
                <dd className="inline">{ROLE_DESCRIPTIONS[role.value]}</dd>
              </div>
            ))}
          </dl>
        </details>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Creating invitation…" : "Create invitation"}
        </Button>
      </form>
      {state?.ok && (
        <OneTimeSecret
          title={`Invitation for ${state.data.email} created${state.data.emailed ? " and emailed" : ""}.`}
          instruction="Send them this link (it is shown only once):"
          label="Invitation link"
          value={state.data.link}
          testId="invitation-link"
        />
      )}
    </div>
  );
}
