"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/lib/server/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors, formError, previous } from "./form-state";

// The answer is the same whether or not the address has an account.
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  if (state?.ok) {
    return <Alert tone="success">If an account exists for that address, we sent it a link to choose a new password. The link works once, for one hour.</Alert>;
  }
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      <TextField name="email" type="email" label="Email" autoComplete="email" required defaultValue={previous(state, "email")} errors={fieldErrors(state, "email")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
