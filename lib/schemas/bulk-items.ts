import { z } from "zod";
import { emailField } from "./auth";
import { id, optionalCalendarDay, optionalId, optionalLongText } from "./fields";
import { itemKey, priorityField, statusField } from "./item";

/** At most this many items change in one bulk edit. */
export const MAX_BULK_ITEMS = 1000;

// One change applied to many items of one project at once (the checklist's
// bulk bar and `POST /api/v1/projects/{id}/items/bulk`). Only the fields a
// triage pass sets together; N/A carries one reason for every item. The
// owner is named by id (the app) or by e-mail (the API), never both.
export const bulkChanges = z
  .object({
    status: statusField,
    notApplicableReason: optionalLongText(1000),
    priority: priorityField,
    ownerId: optionalId,
    ownerEmail: emailField.nullable(),
    dueDate: optionalCalendarDay,
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: "Nothing to change." })
  .refine((changes) => changes.ownerId === undefined || changes.ownerEmail === undefined, { message: "Name the owner once: by id or by e-mail.", path: ["ownerEmail"] })
  .refine((changes) => changes.status !== "NOT_APPLICABLE" || Boolean(changes.notApplicableReason), {
    message: "Say why these items do not apply: one reason for all of them.",
    path: ["notApplicableReason"],
  });

export type BulkChanges = z.infer<typeof bulkChanges>;

const selection = <T extends z.ZodType>(each: T) =>
  z.array(each).min(1, "Select at least one item.").max(MAX_BULK_ITEMS, "Select at most 1,000 items at once.");

// The items by id (the app) or by key (the API): one of the two.
export const bulkUpdateItemsInput = z
  .object({
    projectId: id,
    itemIds: selection(id).optional(),
    keys: selection(itemKey).optional(),
    changes: bulkChanges,
  })
  .refine((input) => input.itemIds !== undefined || input.keys !== undefined, { message: "Select at least one item.", path: ["itemIds"] })
  .refine((input) => input.itemIds === undefined || input.keys === undefined, { message: "Name the items once: by id or by key.", path: ["keys"] });

/** One item the bulk change left as it was, and why (in words for the person). */
export type BulkRefusal = { itemId: string; key: string; title: string; reason: string };
