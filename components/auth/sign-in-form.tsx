"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/server/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors, formError, previous } from "./form-state";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [state, action, pending] = useActionState(signIn, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      <input type="hidden" name="next" value={next ?? "/"} />
      <TextField name="email" type="email" label="Email" autoComplete="email" required defaultValue={previous(state, "email") ?? email} errors={fieldErrors(state, "email")} />
      <TextField name="password" type="password" label="Password" autoComplete="current-password" required errors={fieldErrors(state, "password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
