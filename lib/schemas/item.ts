import { z } from "zod";
import { ITEM_KEY_MAX_LENGTH, ITEM_KEY_PATTERN, ITEM_KEY_RULE } from "@/lib/domain/item-key";
import { ITEM_STATUSES, PRIORITIES } from "@/lib/domain/readiness/vocabulary";
import { emailField } from "./auth";
import { id, optionalCalendarDay, optionalHours, optionalId, optionalLongText, plainString, requiredText, version } from "./fields";

// The one key rule (lib/domain/item-key.ts): creation, imports, templates and
// the API's item path all read keys through this.
export const itemKey = plainString()
  .trim()
  .toLowerCase()
  .regex(ITEM_KEY_PATTERN, ITEM_KEY_RULE)
  .max(ITEM_KEY_MAX_LENGTH, `Use at most ${ITEM_KEY_MAX_LENGTH} characters.`);

// An item as the app names it (`itemId`) or as the REST API does (`projectId`
// and `key`). The service resolves either inside its own transaction.
export const itemReference = { itemId: id.optional(), projectId: id.optional(), key: itemKey.optional() };
type ItemReference = { itemId?: string; projectId?: string; key?: string };
const namesAnItem = (input: ItemReference) => input.itemId !== undefined || (input.projectId !== undefined && input.key !== undefined);
export const NAMES_AN_ITEM: [typeof namesAnItem, { message: string; path: string[] }] = [namesAnItem, { message: "Name the item: its id, or its project and key.", path: ["itemId"] }];

export const priorityField = z.enum(PRIORITIES, { error: "Choose a priority." });
export const statusField = z.enum(ITEM_STATUSES, { error: "Choose a status." });

export const createItemInput = z.object({
  categoryId: id,
  title: requiredText("a title", 200),
  key: z.preprocess((value) => (value === "" ? undefined : value), itemKey.optional()),
  // Absent: nobody has weighed the item yet ("needs triage").
  priority: priorityField.nullable().default(null),
  why: optionalLongText(4000),
  howToVerify: optionalLongText(4000),
  effortHours: optionalHours.default(null),
});

// Every field an update may touch. Which role may touch which field is
// decided in the service (ENGINEERs: status, notes, owner; LEADs: the rest).
const itemChanges = z
  .object({
    status: statusField,
    notApplicableReason: optionalLongText(1000),
    priority: priorityField,
    ownerId: optionalId,
    // The owner as the REST API names people: a member's e-mail, or null for nobody.
    ownerEmail: emailField.nullable(),
    dueDate: optionalCalendarDay,
    effortHours: optionalHours,
    notes: optionalLongText(20_000),
    title: requiredText("a title", 200),
    why: optionalLongText(4000),
    howToVerify: optionalLongText(4000),
    categoryId: id,
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: "Nothing to change." })
  .refine((changes) => changes.ownerId === undefined || changes.ownerEmail === undefined, { message: "Name the owner once: by id or by e-mail.", path: ["ownerEmail"] });

export type ItemChanges = z.infer<typeof itemChanges>;

export const updateItemInput = z
  .object({
    ...itemReference,
    // The version the change is based on (optimistic concurrency).
    version: z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), version),
    changes: itemChanges,
  })
  .refine(...NAMES_AN_ITEM);

export const itemRefInput = z.object({ itemId: id });
export const reorderItemInput = z.object({ itemId: id, direction: z.enum(["up", "down"]) });
