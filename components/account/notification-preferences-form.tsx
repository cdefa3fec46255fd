"use client";

import { useActionState } from "react";
import { formError } from "@/components/auth/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Cadence, NotificationKind } from "@/lib/domain/notifications/kinds";
import { setNotificationPreferencesAction } from "@/lib/server/actions/notification-preferences";

const CADENCE_LABEL: Record<Cadence, string> = { IMMEDIATE: "Immediately", DAILY: "Daily digest", WEEKLY: "Weekly digest", OFF: "Off" };
const ORDER: Cadence[] = ["IMMEDIATE", "DAILY", "WEEKLY", "OFF"];

export type NotificationSettingRow = { kind: NotificationKind; label: string; cadence: Cadence; defaultCadence: Cadence };

// One choice per kind; the default is named in its option, so a person sees
// what they would get without choosing. Digests go out at 08:00 in the team's zone.
export function NotificationPreferencesForm({ settings, mailEnabled }: { settings: NotificationSettingRow[]; mailEnabled: boolean }) {
  const [state, action, pending] = useActionState(setNotificationPreferencesAction, null);
  const message = formError(state);
  const fieldError = (kind: NotificationKind) => (state && !state.ok ? state.error?.fields?.[`cadences.${kind}`]?.join(" ") : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      {!mailEnabled && <Alert tone="info">This installation sends no e-mail yet (no mail server is set up); your choices apply once it does.</Alert>}
      {message && <Alert>{message}</Alert>}
      {state?.ok && <Alert tone="success">{state.data.changed.length === 0 ? "Nothing changed." : "Your e-mail settings are saved."}</Alert>}
      <ul className="divide-y divide-slate-200">
        {settings.map((setting) => {
          const id = `cadence-${setting.kind}`;
          const error = fieldError(setting.kind);
          return (
            <li key={setting.kind} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <label htmlFor={id} className="text-sm text-slate-900">
                {setting.label}
              </label>
              <select
                id={id}
                name={`cadence.${setting.kind}`}
                defaultValue={setting.cadence}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className="w-52 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              >
                {ORDER.map((cadence) => (
                  <option key={cadence} value={cadence}>
                    {CADENCE_LABEL[cadence]}
                    {cadence === setting.defaultCadence ? " (default)" : ""}
                  </option>
                ))}
              </select>
              {error && (
                <p id={`${id}-error`} className="w-full text-sm text-red-700">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save e-mail settings"}
      </Button>
    </form>
  );
}
