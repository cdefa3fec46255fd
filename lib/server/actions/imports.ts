"use server";

// The Markdown and YAML import (the import page): preview, then import.
import { importChecklist, previewImport, type ImportPreview, type ImportResult } from "@/lib/server/services/import";
import { defineAction } from "./define-action";
import { wholeProjectPages } from "./pages";

const importInput = (form: FormData) => ({
  text: form.get("text"),
  fileName: form.get("fileName"),
  projectId: form.get("target") === "existing" ? form.get("projectId") : undefined,
  name: form.get("target") === "existing" ? undefined : form.get("name"),
});

// What a preview was of: the document and where it goes (the new project's
// name may still be filled in after the preview).
const fingerprint = (input: ReturnType<typeof importInput>) => JSON.stringify({ text: input.text, projectId: input.projectId ?? null });

// The preview's match pickers, `match.<row>`: an item's id, or "new".
const matchChoices = (form: FormData) =>
  [...form.entries()].filter(([field]) => field.startsWith("match.")).map(([field, value]) => ({ row: Number(field.slice("match.".length)), itemId: value === "new" ? null : value }));

type Outcome = { preview: ImportPreview; previewed: string } | { imported: ImportResult };

// Preview and import share the form; the import runs only after a preview of
// the same text and target, and then opens the project. The match decisions
// count only for the document and project they were made on: rows are
// numbered in the previewed text.
export const importFormAction = defineAction({
  form: true,
  run: async (actor, form): Promise<Outcome> => {
    const input = importInput(form);
    const previewed = fingerprint(input);
    const same = form.get("previewed") === previewed;
    const decided = { ...input, matches: same && input.projectId ? matchChoices(form) : undefined };
    // The import names what its preview was made from, and is refused when the project has changed since.
    if (form.get("intent") === "import" && same) return { imported: await importChecklist(actor, { ...decided, basis: input.projectId ? form.get("basis") || undefined : undefined }) };
    return { preview: await previewImport(actor, decided), previewed };
  },
  revalidate: (outcome) => ("imported" in outcome ? wholeProjectPages(outcome.imported.projectId) : []),
  redirect: (outcome) =>
    "imported" in outcome ? `/projects/${outcome.imported.projectId}?imported=${outcome.imported.counts.create + outcome.imported.counts.update}` : null,
});
