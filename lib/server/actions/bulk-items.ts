"use server";

// The checklist's bulk bar: one change to many items of one project.
import type { BulkChanges } from "@/lib/schemas/bulk-items";
import { bulkUpdateItems } from "@/lib/server/services/bulk-items";
import { defineAction } from "./define-action";
import { projectPages } from "./pages";

/** Answers `{ updated: ItemView[], refused: BulkRefusal[] }`; refusals leave their item unchanged. */
export const bulkUpdateItemsAction = defineAction({
  run: (actor, projectId: string, itemIds: string[], changes: BulkChanges) => bulkUpdateItems(actor, { projectId, itemIds, changes }),
  revalidate: (_result, [projectId]) => projectPages(projectId),
});
