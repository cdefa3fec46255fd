// Any document the importer accepts, read into a checklist: a YAML checklist
// (schema shipshape.checklist/v1) or Markdown. Throws NoChecklistError or
// ChecklistYamlError; the service and the CLI each say those their own way.
import type { ImportedChecklist } from "./checklist";
import { parseMarkdownChecklist } from "./markdown";
import { looksLikeChecklistYaml, readChecklistYaml } from "./yaml-checklist";

export const readDocument = (text: string): ImportedChecklist => (looksLikeChecklistYaml(text) ? readChecklistYaml(text) : parseMarkdownChecklist(text));
