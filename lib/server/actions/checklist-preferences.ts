"use server";

// The checklist's own layout, per person: categories folded away.
import { setCategoryCollapsed } from "@/lib/server/services/checklist-preferences";
import { defineAction } from "./define-action";

/** Folds a category away for the signed-in person, or opens it again; answers `{ projectId }`. No page to revalidate: the checklist has already folded it. */
export const setCategoryCollapsedAction = defineAction({
  run: (actor, categoryId: string, collapsed: boolean) => setCategoryCollapsed(actor, { categoryId, collapsed }),
});
