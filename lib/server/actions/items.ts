"use server";

// Server actions of items, their evidence and waivers: each hands the form or
// its arguments to one service with the signed-in member (define-action.ts)
// and refreshes the item's and its project's pages.
import { addEvidence, removeEvidence } from "@/lib/server/services/evidence";
import { updateEvidence } from "@/lib/server/services/evidence-edit";
import { restoreEvidence } from "@/lib/server/services/evidence-restore";
import { createItem, deleteItem, reorderItem, updateItem } from "@/lib/server/services/items";
import { decideWaiver, requestWaiver, withdrawWaiver } from "@/lib/server/services/waivers";
import { defineAction, fieldsOf } from "./define-action";
import { itemPages, projectPages } from "./pages";

const refresh = ({ projectId, itemId }: { projectId: string; itemId: string }) => itemPages(projectId, itemId);

export const createItemAction = defineAction({
  form: true,
  run: (actor, form) => createItem(actor, fieldsOf(form)),
  revalidate: ({ projectId }) => projectPages(projectId),
});

// Answers with the item as it now stands, or its CONFLICT with the current item.
export const updateItemAction = defineAction({
  run: (actor, itemId: string, version: number, changes: Record<string, unknown>) => updateItem(actor, { itemId, version, changes }),
  revalidate: (item) => itemPages(item.projectId, item.id),
});

export const reorderItemAction = defineAction({
  run: (actor, itemId: string, direction: "up" | "down") => reorderItem(actor, { itemId, direction }),
  revalidate: refresh,
});

export const deleteItemAction = defineAction({
  run: (actor, itemId: string) => deleteItem(actor, { itemId }),
  revalidate: ({ projectId }) => projectPages(projectId),
  redirect: ({ projectId }) => `/projects/${projectId}`,
});

export const addEvidenceAction = defineAction({
  form: true,
  run: (actor, form) => addEvidence(actor, fieldsOf(form)),
  revalidate: refresh,
});

// Answers with the evidence as edited; a refused edit keeps what was typed.
export const updateEvidenceAction = defineAction({
  form: true,
  run: (actor, form) => updateEvidence(actor, fieldsOf(form)),
  revalidate: refresh,
});

export const removeEvidenceAction = defineAction({
  run: (actor, evidenceId: string) => removeEvidence(actor, { evidenceId }),
  revalidate: refresh,
});

// The undo of a removal, for a few minutes after it (restoreEvidence).
export const restoreEvidenceAction = defineAction({
  run: (actor, evidenceId: string) => restoreEvidence(actor, { evidenceId }),
  revalidate: refresh,
});

export const requestWaiverAction = defineAction({
  form: true,
  run: (actor, form) => requestWaiver(actor, fieldsOf(form)),
  revalidate: refresh,
});

export const decideWaiverAction = defineAction({
  run: (actor, waiverId: string, decision: "APPROVE" | "REJECT", note: string) => decideWaiver(actor, { waiverId, decision, note }),
  revalidate: refresh,
});

export const withdrawWaiverAction = defineAction({
  run: (actor, waiverId: string) => withdrawWaiver(actor, { waiverId }),
  revalidate: refresh,
});
