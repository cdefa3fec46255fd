"use client";

import { useActionState } from "react";
import { createTeamAction } from "@/lib/server/actions/team";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TimeZoneField } from "@/components/time/time-zone-field";
import { TextField } from "@/components/ui/field";
import type { TimeZoneOption } from "@/lib/domain/time-zone";

export function CreateTeamForm({ timeZones }: { timeZones: TimeZoneOption[] }) {
  const [state, action, pending] = useActionState(createTeamAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      <TextField name="name" label="Team name" required defaultValue={previous(state, "name")} errors={fieldErrors(state, "name")} />
      <TimeZoneField label="Time zone" options={timeZones} defaultValue={previous(state, "timeZone")} errors={fieldErrors(state, "timeZone")} hint="Due dates and “overdue” are judged in it. Your browser's zone to start with." />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
