"use server";

// Server actions of automated checks: each hands the form or its arguments
// to one service with the signed-in member (define-action.ts) and refreshes
// the pages that show the check, its item and their project.
import { checkInputFromForm } from "@/lib/schemas/check-form";
import { addCheck, removeCheck, runCheckNow, runProjectChecks } from "@/lib/server/services/checks";
import { defineAction, fieldsOf } from "./define-action";
import { itemPages, projectPages, wholeProjectPages } from "./pages";

export const addCheckAction = defineAction({
  form: true,
  run: (actor, form) => addCheck(actor, checkInputFromForm(fieldsOf(form))),
  revalidate: (check) => itemPages(check.projectId, check.itemId),
});

export const removeCheckAction = defineAction({
  run: (actor, checkId: string) => removeCheck(actor, { checkId }),
  revalidate: ({ projectId, itemId }) => itemPages(projectId, itemId),
});

// A failing target is a result, not an error: the answer is ok either way.
export const runCheckAction = defineAction({
  run: async (actor, checkId: string) => {
    const { check, result, itemStatus } = await runCheckNow(actor, { checkId });
    return { projectId: check.projectId, itemId: check.itemId, passed: result.passed, summary: result.summary, itemStatus };
  },
  revalidate: ({ projectId, itemId }) => itemPages(projectId, itemId),
});

// Every check of the project, or of one item: the counts of what passed and failed.
export const runProjectChecksAction = defineAction({
  run: (actor, projectId: string, itemKey?: string) => runProjectChecks(actor, { projectId, itemKey }),
  revalidate: (_counts, [projectId, itemKey]) => (itemKey === undefined ? wholeProjectPages(projectId) : projectPages(projectId)),
});
