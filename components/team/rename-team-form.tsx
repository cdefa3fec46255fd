"use client";

import { useActionState } from "react";
import { renameTeamAction } from "@/lib/server/actions/team";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function RenameTeamForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(renameTeamAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">Team renamed.</Alert>}
      <TextField name="name" label="Name" required defaultValue={previous(state, "name") ?? name} errors={fieldErrors(state, "name")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
