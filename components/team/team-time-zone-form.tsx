"use client";

import { useActionState } from "react";
import { setTeamTimeZoneAction } from "@/lib/server/actions/team";
import { fieldErrors, formError, previous } from "@/components/auth/form-state";
import { TimeZoneField } from "@/components/time/time-zone-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TimeZoneOption } from "@/lib/domain/time-zone";

// The team's time zone, for admins. The days already set (due dates, expiry
// days) stay the same days; what "today" is moves with the zone.
export function TeamTimeZoneForm({ timeZone, options }: { timeZone: string; options: TimeZoneOption[] }) {
  const [state, action, pending] = useActionState(setTeamTimeZoneAction, null);
  const message = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">Time zone set to {state.data.timeZone}.</Alert>}
      <TimeZoneField
        key={timeZone}
        label="Team time zone"
        options={options}
        defaultValue={previous(state, "timeZone") ?? timeZone}
        errors={fieldErrors(state, "timeZone")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </Button>
    </form>
  );
}
