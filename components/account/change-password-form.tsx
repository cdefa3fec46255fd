"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/server/actions/account";
import { fieldErrors, formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

// The current password, the new one twice, and whether to end the other sessions.
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const message = formError(state);
  return (
    // A new key after a success empties the fields.
    <form key={state?.ok ? "done" : "editing"} action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">Your password has been changed.</Alert>}
      <TextField name="currentPassword" type="password" label="Current password" autoComplete="current-password" required errors={fieldErrors(state, "currentPassword")} />
      <TextField name="newPassword" type="password" label="New password" autoComplete="new-password" required hint="At least 12 characters." errors={fieldErrors(state, "newPassword")} />
      <TextField name="confirmPassword" type="password" label="Confirm new password" autoComplete="new-password" required errors={fieldErrors(state, "confirmPassword")} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="signOutOthers" defaultChecked className="size-4 rounded border-slate-300" />
        Sign out of all other sessions
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
