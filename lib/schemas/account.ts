import { z } from "zod";
import { id, optionalId, plainString } from "./fields";

// "Delete my account": the person types their e-mail address to confirm, and
// names, for each of their teams (by team id), the member who takes over their
// open items; blank or null leaves them unassigned.
export const deleteAccountInput = z.object({
  confirmEmail: plainString({ error: "Type your e-mail address to confirm." })
    .trim()
    .min(1, "Type your e-mail address to confirm.")
    .max(254, "Use at most 254 characters."),
  successors: z.record(id, optionalId).default({}),
});
