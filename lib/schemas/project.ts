import { z } from "zod";
import { EVIDENCE_POLICIES } from "@/lib/domain/readiness/vocabulary";
import { id, optionalCalendarDay, optionalLongText, optionalProjectUrl, plainString, requiredText } from "./fields";

// How the REST API names the built-in catalogue among the team's templates.
export const BUILT_IN_TEMPLATE = "builtin";

const projectDetails = {
  name: requiredText("a project name", 120),
  description: optionalLongText(2000),
  productionUrl: optionalProjectUrl,
  repositoryUrl: optionalProjectUrl,
  targetDate: optionalCalendarDay,
};

export const createProjectInput = z
  .object({
    ...projectDetails,
    source: z.enum(["catalogue", "blank"], { error: "Choose how to start." }),
    // A team template's key; unset (or the API's "builtin") means the built-in catalogue.
    template: plainString()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .transform((key) => (key === BUILT_IN_TEMPLATE ? undefined : key)),
    // Categories of the template, by key or by name. Unset: the template's
    // default selection.
    categories: z.array(plainString().trim().min(1).max(120)).max(100).optional(),
  })
  .refine((input) => input.source !== "catalogue" || input.categories === undefined || input.categories.length > 0, {
    message: "Choose at least one category, or start blank.",
    path: ["categories"],
    // Reported together with the other fields' errors, not after them.
    when: () => true,
  });

export const updateProjectInput = z.object({ projectId: id, ...projectDetails });

const weight = z.coerce
  .number({ error: "Enter a weight." })
  .int("Use a whole number.")
  .min(1, "Use at least 1.")
  .max(100, "Use at most 100.");

export const projectSettingsInput = z.object({
  projectId: id,
  evidencePolicy: z.enum(EVIDENCE_POLICIES, { error: "Choose when evidence is required." }),
  weightCritical: weight,
  weightHigh: weight,
  weightMedium: weight,
  weightLow: weight,
});

export const projectRefInput = z.object({ projectId: id });

export const deleteProjectInput = z.object({
  projectId: id,
  confirmName: plainString({ error: "Type the project name to confirm." }).trim(),
});

export const portfolioQuery = z.object({
  sort: z.enum(["name", "readiness", "blockers", "effort", "target", "activity"]).catch("readiness"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  archived: z.enum(["only", "include", "hide"]).catch("hide"),
  q: plainString().trim().max(120).catch(""),
  level: z.enum(["0", "1", "2", "3", "any"]).catch("any"),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;
