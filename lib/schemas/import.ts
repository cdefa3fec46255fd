import { z } from "zod";
import { id, multilineString, optionalText } from "./fields";

// A document to import: into an existing project (projectId), or into a new
// one named here (by default after the document's title). The same schema
// serves the preview and the import.
export const importChecklistInput = z.object({
  text: multilineString({ error: "Paste or upload a document." }).trim().min(1, "Paste or upload a document.").max(2_000_000, "The document is larger than 2 MB."),
  fileName: optionalText(200),
  projectId: z.preprocess((value) => (value === "" ? undefined : value), id.optional()),
  name: optionalText(120),
});
