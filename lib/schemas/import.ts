import { z } from "zod";
import { documentText } from "./document";
import { id, optionalText } from "./fields";

// A document to import: into an existing project (projectId), or into a new
// one named here (by default after the document's title). The same schema
// serves the preview and the import.
export const importChecklistInput = z.object({
  text: documentText("Paste or upload a document."),
  fileName: optionalText(200),
  projectId: z.preprocess((value) => (value === "" ? undefined : value), id.optional()),
  name: optionalText(120),
  // The person's decisions in the preview of a merge: which of the project's
  // items a document row (1-based, in document order) is, or null for a new
  // item. Rows not named keep the proposed match.
  matches: z
    .array(z.object({ row: z.number().int().min(1).max(100_000), itemId: id.nullable() }).strict())
    .max(100_000)
    .refine((list) => new Set(list.map((m) => m.row)).size === list.length, "Decide each row once.")
    .optional(),
  // What the preview was made from (the preview returns it): the import is
  // refused when the project has changed since.
  basis: optionalText(64),
});
