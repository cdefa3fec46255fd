"use client";

import { useActionState } from "react";
import { acceptInvitationAsMember, acceptInvitationWithNewAccount } from "@/lib/server/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldErrors, formError, previous } from "./form-state";

export function InvitationSignUpForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(acceptInvitationWithNewAccount, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField name="email" label="Email" value={email} readOnly disabled />
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={previous(state, "name")} errors={fieldErrors(state, "name")} />
      <TextField name="password" type="password" label="Choose a password" autoComplete="new-password" required hint="At least 12 characters." errors={fieldErrors(state, "password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}

export function AcceptInvitationButton({ token, teamName }: { token: string; teamName: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAsMember, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4">
      {message && <Alert>{message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : `Join ${teamName}`}
      </Button>
    </form>
  );
}
