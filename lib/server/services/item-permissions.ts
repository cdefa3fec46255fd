import "server-only";
import type { Action } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize, permits } from "@/lib/server/kernel/gate";
import { forbidden } from "@/lib/server/kernel/errors";
import type { ItemChanges } from "@/lib/schemas/item";

// Who may change which field of an item: read by the single-item update and
// by any edit of several items, so that both refuse the same things.

// Which permission each field of an item needs: engineers work the item
// (status, notes, owner), leads shape it (everything else). The planning
// fields are the exception: whoever may plan their own work sets them on the
// items they own (mayPlanItem).
export const FIELD_PERMISSION: Record<keyof ItemChanges, Action> = {
  status: "item.updateStatus",
  notApplicableReason: "item.updateStatus",
  notes: "item.updateNotes",
  ownerId: "item.assignOwner",
  ownerEmail: "item.assignOwner",
  priority: "item.edit",
  dueDate: "item.edit",
  effortHours: "item.edit",
  title: "item.edit",
  why: "item.edit",
  howToVerify: "item.edit",
  categoryId: "item.edit",
};

/** The fields of an item its owner may plan without item.edit: when it is due and how long it takes. */
export const PLANNING_FIELDS = ["dueDate", "effortHours"] as const satisfies readonly (keyof ItemChanges)[];
const isPlanningField = (field: keyof ItemChanges) => (PLANNING_FIELDS as readonly string[]).includes(field);

/**
 * May `actor` change the due date and effort (PLANNING_FIELDS) of `item`?
 * Anyone with item.edit may, on any item; someone with only item.planOwn (an
 * engineer) may on an item they own *as it stands before the change*, judged
 * on the current row inside the transaction: taking an item and planning it
 * in one request is refused, since the owner is not yet theirs. Pure; for the
 * single-item update and bulk edits alike.
 */
export function mayPlanItem(actor: Actor, item: { ownerId: string | null }): boolean {
  if (permits(actor, "item.edit")) return true;
  return permits(actor, "item.planOwn") && actor.kind === "user" && item.ownerId === actor.userId;
}

/** The refusal for planning an item someone else owns, in words. */
export const notYourItemToPlan = () =>
  forbidden("You can set the due date and effort only of items you own. Ask a lead to change them on this item, or take it over first and then plan it.");

/**
 * Checks, before reading the item, that `actor` may change every field in
 * `fields`. Planning fields pass for an actor with item.planOwn; whether the
 * item is theirs is judged afterwards on the current row (mayPlanItem).
 * Returns whether that judgement is still needed. Errors: FORBIDDEN.
 */
export function authorizeItemFields(actor: Actor, fields: readonly (keyof ItemChanges)[]): { ownershipNeeded: boolean } {
  let ownershipNeeded = false;
  for (const field of fields) {
    if (isPlanningField(field) && !permits(actor, "item.edit") && permits(actor, "item.planOwn")) {
      ownershipNeeded = true;
      continue;
    }
    authorize(actor, FIELD_PERMISSION[field]);
  }
  return { ownershipNeeded };
}

