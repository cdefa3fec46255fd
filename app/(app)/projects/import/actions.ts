"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/server/actions/action-result";
import { requireActor } from "@/lib/server/access/current-actor";
import { importChecklist, previewImport, type ImportPreview } from "@/lib/server/services/import";

const fields = (form: FormData) => ({
  text: form.get("text"),
  fileName: form.get("fileName"),
  projectId: form.get("target") === "existing" ? form.get("projectId") : undefined,
  name: form.get("target") === "existing" ? undefined : form.get("name"),
});

export type ImportFormState = (ActionResult<ImportPreview> & { previewed?: string }) | null;

// Preview and import share the form; the import runs only after a preview of
// the same text and target, and then opens the project.
export async function importFormAction(_: ImportFormState, form: FormData): Promise<ImportFormState> {
  const actor = await requireActor();
  const input = fields(form);
  // What the preview was of: the document and where it goes (the new
  // project's name may still be filled in after the preview).
  const fingerprint = JSON.stringify({ text: input.text, projectId: input.projectId ?? null });
  if (form.get("intent") === "import" && form.get("previewed") === fingerprint) {
    const result = await runAction(() => importChecklist(actor, input));
    if (result.ok) redirect(`/projects/${result.data.projectId}?imported=${result.data.counts.create + result.data.counts.update}`);
    return result;
  }
  const preview = await runAction(() => previewImport(actor, input));
  return { ...preview, previewed: fingerprint };
}
