"use server";

// The account page's e-mail settings: how often the person hears of each kind, in their selected team.
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { setNotificationPreferences } from "@/lib/server/services/notification-preferences";
import { defineAction } from "./define-action";

/** The form sends one `cadence.<KIND>` field per kind. */
export const setNotificationPreferencesAction = defineAction({
  form: { keep: [] },
  run: (actor, form) =>
    setNotificationPreferences(actor, {
      cadences: Object.fromEntries(NOTIFICATION_KINDS.flatMap((kind) => (form.has(`cadence.${kind}`) ? [[kind, form.get(`cadence.${kind}`)]] : []))),
    }),
  revalidate: () => ["/account"],
});
