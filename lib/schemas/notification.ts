import { z } from "zod";
import { id, plainString } from "./fields";

/** Entries of one's own inbox to mark read: 1–200 ids; anyone else's are ignored. */
export const markReadInput = z.object({
  notificationIds: z.array(id).min(1, "Choose a notification.").max(200, "Mark at most 200 at once."),
});

/**
 * "Mark all read" as of `upTo` (ISO 8601, the `asOf` of the inbox the person
 * saw): entries that arrived later stay unread. Absent: every entry.
 */
export const markAllReadInput = z.object({
  upTo: z.iso.datetime({ offset: true, message: "Give a date and time (ISO 8601)." }).optional(),
});

/** A page of one's inbox: `limit` entries (1–100, default 30) after `cursor`, the `nextCursor` of the page before. */
export const inboxQuery = z.object({
  cursor: plainString().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
