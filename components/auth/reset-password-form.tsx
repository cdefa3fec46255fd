"use client";

import { useActionState } from "react";
import { resetPasswordAction } from "@/lib/server/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors, formError } from "./form-state";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField name="newPassword" type="password" label="New password" autoComplete="new-password" required hint="At least 12 characters." errors={fieldErrors(state, "newPassword")} />
      <TextField name="confirmPassword" type="password" label="Confirm new password" autoComplete="new-password" required errors={fieldErrors(state, "confirmPassword")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
