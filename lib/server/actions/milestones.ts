"use server";

// Server actions of a project's milestones (its history page).
import { createMilestone, deleteMilestone } from "@/lib/server/services/milestones";
import { defineAction } from "./define-action";
import { projectPages } from "./pages";

export const createMilestoneAction = defineAction({
  form: { keep: ["name"] },
  run: (actor, form) => createMilestone(actor, { projectId: form.get("projectId"), name: form.get("name") }),
  revalidate: ({ projectId }) => projectPages(projectId),
});

export const deleteMilestoneAction = defineAction({
  run: (actor, milestoneId: string) => deleteMilestone(actor, { milestoneId }),
  revalidate: ({ projectId }) => projectPages(projectId),
});
