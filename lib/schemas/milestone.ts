import { z } from "zod";
import { id, requiredText } from "./fields";

export const createMilestoneInput = z.object({
  projectId: id,
  name: requiredText("a name for this milestone", 80),
});

export const deleteMilestoneInput = z.object({ milestoneId: id });

// "now" compares with the project as it is; otherwise a milestone id.
export const compareMilestonesInput = z.object({
  from: id,
  to: z.union([z.literal("now"), id]).default("now"),
});
