// How often a person hears of each kind of notification by e-mail, in one team.
import { z } from "zod";
import { CADENCES, NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";

const cadence = z.enum(CADENCES, { error: "Choose Immediately, Daily digest, Weekly digest or Off." });

/** Some kinds and the cadence chosen for each; kinds left out keep theirs. */
export const setNotificationPreferencesInput = z.object({
  cadences: z.partialRecord(z.enum(NOTIFICATION_KINDS, { error: "Unknown kind of notification." }), cadence),
});
