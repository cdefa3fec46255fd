"use client";

import { useActionState } from "react";
import { renameSelfAction } from "@/lib/server/actions/account";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

// One's own name; the e-mail address is shown, not edited (it is how one signs in).
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action, pending] = useActionState(renameSelfAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">Your name is now {state.data.name}.</Alert>}
      <TextField name="name" label="Name" autoComplete="name" required defaultValue={previous(state, "name") ?? name} errors={fieldErrors(state, "name")} />
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-900">Email</p>
        <p className="text-sm text-slate-700">{email}</p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}
