import { z } from "zod";
import { EVIDENCE_KINDS } from "@/lib/domain/readiness/vocabulary";
import { httpUrl, id, optionalCalendarDay, optionalText, plainString } from "./fields";
import { itemReference, NAMES_AN_ITEM } from "./item";

const repositoryPath = plainString()
  .trim()
  .min(1, "Enter a path in the repository.")
  .max(500, "Use at most 500 characters.")
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value), "Enter a path such as src/server/rate-limit.ts, not a URL.");

const isLink = (kind: string) => kind !== "FILE_PATH" && kind !== "NOTE";

// The item by id (the app) or by project and key (the API). A FILE_PATH names
// a file in the repository; a NOTE needs no target; every other kind is a
// link and must be http(s). The app's form sends the link, path or note as
// `target`; the API sends a link as `url`, and its errors are named so.
export const addEvidenceInput = z
  .object({
    ...itemReference,
    kind: z.enum(EVIDENCE_KINDS, { error: "Choose what kind of evidence this is." }),
    target: optionalText(2000),
    url: plainString().trim().max(2000, "Use at most 2000 characters.").optional(),
    label: optionalText(200),
    expiresAt: optionalCalendarDay,
  })
  .refine(...NAMES_AN_ITEM)
  .superRefine((input, context) => {
    const field = input.url === undefined ? "target" : "url";
    const target = input.url ?? input.target;
    if (field === "url" && !isLink(input.kind)) {
      context.addIssue({ code: "custom", path: ["url"], message: "Only links have a URL: send a path or a note as target." });
    } else if (input.kind === "FILE_PATH") {
      const result = repositoryPath.safeParse(target);
      if (!result.success) context.addIssue({ code: "custom", path: [field], message: result.error.issues[0].message });
    } else if (input.kind === "NOTE") {
      if (!input.label && !target) context.addIssue({ code: "custom", path: ["label"], message: "Write the note." });
    } else {
      const result = httpUrl.safeParse(target);
      if (!result.success) context.addIssue({ code: "custom", path: [field], message: result.error.issues[0].message });
    }
  })
  .transform(({ url, target, ...input }) => ({ ...input, target: url ?? target }));

// The evidence, and optionally its item (by id, or by project and key), which
// it must then belong to: the API names both.
export const removeEvidenceInput = z.object({ evidenceId: id, ...itemReference });
