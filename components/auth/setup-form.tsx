"use client";

import { useActionState } from "react";
import { completeSetup } from "@/lib/server/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TimeZoneField } from "@/components/time/time-zone-field";
import { TextField } from "@/components/ui/field";
import type { TimeZoneOption } from "@/lib/domain/time-zone";
import { fieldErrors, formError, previous } from "./form-state";

export function SetupForm({ withAccount, timeZones }: { withAccount: boolean; timeZones: TimeZoneOption[] }) {
  const [state, action, pending] = useActionState(completeSetup, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      {withAccount && (
        <>
          <TextField name="name" label="Your name" autoComplete="name" required defaultValue={previous(state, "name")} errors={fieldErrors(state, "name")} />
          <TextField name="email" type="email" label="Work email" autoComplete="email" required defaultValue={previous(state, "email")} errors={fieldErrors(state, "email")} />
          <TextField name="password" type="password" label="Password" autoComplete="new-password" required hint="At least 12 characters." errors={fieldErrors(state, "password")} />
        </>
      )}
      <TextField name="teamName" label="Team name" required placeholder="Platform team" defaultValue={previous(state, "teamName")} errors={fieldErrors(state, "teamName")} />
      <TimeZoneField
        label="Team time zone"
        options={timeZones}
        defaultValue={previous(state, "timeZone")}
        errors={fieldErrors(state, "timeZone")}
        hint="Due dates and “overdue” are judged in it. Your browser's zone to start with; admins can change it in team settings."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Setting up…" : "Create account and team"}
      </Button>
    </form>
  );
}
