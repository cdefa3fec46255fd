"use client";

import { useActionState } from "react";
import { createTeamAction } from "@/app/(app)/actions";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      <TextField name="name" label="Team name" required defaultValue={previous(state, "name")} errors={fieldErrors(state, "name")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
