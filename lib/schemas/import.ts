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
});
