import "server-only";
import type { BulkRefusal } from "@/lib/schemas/bulk-items";
import type { Actor } from "@/lib/server/kernel/actor";
import { AppError } from "@/lib/server/kernel/errors";
import type { ItemView } from "@/lib/server/read-models/item-view";

/**
 * Applies one change to many items of one project in one transaction.
 * Input: `bulkUpdateItemsInput`. Answers the items as they now stand and the
 * ones refused (evidence policy, permission on that item), unchanged.
 */
export async function bulkUpdateItems(actor: Actor, input: unknown): Promise<{ updated: ItemView[]; refused: BulkRefusal[] }> {
  void actor;
  void input;
  throw new AppError("INTERNAL", "Bulk edits are not available yet.");
}
