import { z } from "zod";
import { EVIDENCE_KINDS } from "@/lib/domain/readiness/vocabulary";
import { httpUrl, id, optionalCalendarDay, optionalText } from "./fields";

const repositoryPath = z
  .string()
  .trim()
  .min(1, "Enter a path in the repository.")
  .max(500, "Use at most 500 characters.")
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value), "Enter a path such as src/server/rate-limit.ts, not a URL.");

// A FILE_PATH names a file in the repository; a NOTE needs no target; every
// other kind is a link and must be http(s).
export const addEvidenceInput = z
  .object({
    itemId: id,
    kind: z.enum(EVIDENCE_KINDS, { error: "Choose what kind of evidence this is." }),
    target: optionalText(2000),
    label: optionalText(200),
    expiresAt: optionalCalendarDay,
  })
  .superRefine((input, context) => {
    if (input.kind === "FILE_PATH") {
      const result = repositoryPath.safeParse(input.target);
      if (!result.success) context.addIssue({ code: "custom", path: ["target"], message: result.error.issues[0].message });
    } else if (input.kind === "NOTE") {
      if (!input.label && !input.target) context.addIssue({ code: "custom", path: ["label"], message: "Write the note." });
    } else {
      const result = httpUrl.safeParse(input.target);
      if (!result.success) context.addIssue({ code: "custom", path: ["target"], message: result.error.issues[0].message });
    }
  });

// itemId, when given, must be the evidence's item (the API names both).
export const removeEvidenceInput = z.object({ evidenceId: id, itemId: id.optional() });
