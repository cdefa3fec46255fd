"use server";

// Server action of the "Set up checks" page: the chosen suggestions, in one step.
import { acceptChecks } from "@/lib/server/services/check-suggestions";
import { defineAction } from "./define-action";
import { wholeProjectPages } from "./pages";

// The form sends each ticked proposal as `proposal`, and for a proposal with
// alternatives the one picked as `choice:<proposal id>`.
function chosenProposals(form: FormData): string[] {
  return form.getAll("proposal").map((value) => {
    const choice = form.get(`choice:${String(value)}`);
    return typeof choice === "string" && choice !== "" ? choice : String(value);
  });
}

const minutes = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : Number(value));

export const acceptCheckSuggestionsAction = defineAction({
  form: { keep: ["intervalMinutes"] },
  run: (actor, form) =>
    acceptChecks(actor, { projectId: form.get("projectId"), proposals: chosenProposals(form), intervalMinutes: minutes(form.get("intervalMinutes")) }),
  revalidate: ({ projectId }) => [...wholeProjectPages(projectId), `/projects/${projectId}/checks`, `/projects/${projectId}/checks/set-up`],
  redirect: ({ projectId, added }) => `/projects/${projectId}/checks?added=${added.length}`,
});
