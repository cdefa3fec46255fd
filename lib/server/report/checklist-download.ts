import "server-only";
import { checklistYaml, type ChecklistDocument } from "@/lib/import/yaml-checklist";
import { downloadResponse } from "@/lib/server/report/render";

// A YAML checklist (a project's or a template's) as a file download.
export const checklistDownload = (document: ChecklistDocument, fileName: string) =>
  downloadResponse({ body: checklistYaml(document), contentType: "application/yaml; charset=utf-8" }, fileName);
