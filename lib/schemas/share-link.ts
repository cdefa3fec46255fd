import { z } from "zod";
import { id } from "./fields";

export const createShareLinkInput = z.object({
  projectId: id,
  // Blank means the link does not expire.
  expiresInDays: z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : Number(value)),
    z.number({ error: "Enter a number of days." }).int("Use a whole number of days.").min(1, "Use at least 1 day.").max(3650, "Use at most 3650 days.").nullable(),
  ),
});

export const revokeShareLinkInput = z.object({ shareLinkId: id });
