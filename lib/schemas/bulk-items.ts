import { z } from "zod";
import { id, optionalCalendarDay, optionalId, optionalLongText } from "./fields";
import { priorityField, statusField } from "./item";

// One change applied to many items of one project at once (the checklist's
// bulk bar and `POST /api/v1/projects/{id}/items/bulk`). Only the fields a
// triage pass sets together; N/A carries one reason for every item.
export const bulkChanges = z
  .object({
    status: statusField,
    notApplicableReason: optionalLongText(1000),
    priority: priorityField,
    ownerId: optionalId,
    dueDate: optionalCalendarDay,
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: "Nothing to change." });

export type BulkChanges = z.infer<typeof bulkChanges>;

export const bulkUpdateItemsInput = z.object({
  projectId: id,
  itemIds: z.array(id).min(1, "Select at least one item.").max(1000, "Select at most 1,000 items at once."),
  changes: bulkChanges,
});

/** One item the bulk change left as it was, and why (in words for the person). */
export type BulkRefusal = { itemId: string; key: string; title: string; reason: string };
