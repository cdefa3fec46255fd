"use client";

import { useActionState } from "react";
import { inviteAction } from "@/app/(app)/members/actions";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
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
        <Alert tone="success">
          <p className="font-medium">Invitation for {state.data.email} created{state.data.emailed ? " and emailed" : ""}.</p>
          <p className="mt-1">Send them this link (it is shown only once):</p>
          <div className="mt-2 flex items-center gap-2">
            <input aria-label="Invitation link" readOnly value={state.data.link} className="min-w-0 flex-1 rounded border border-emerald-200 bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid="invitation-link" />
            <CopyButton value={state.data.link} />
          </div>
        </Alert>
      )}
    </div>
  );
}
