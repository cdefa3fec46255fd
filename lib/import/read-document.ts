// Any document the importer accepts, read into a checklist: a YAML checklist
// (schema shipshape.checklist/v1) or Markdown. Throws NoChecklistError or
// ChecklistYamlError; the service and the CLI each say those their own way.
import { NoChecklistError, itemCount, type ImportedChecklist } from "./checklist";
import { parseMarkdownChecklist } from "./markdown";
import { keepAsWritten } from "./markdown/as-written";
import { looksLikeChecklistYaml, readChecklistYaml } from "./yaml-checklist";

function readMarkdown(text: string): ImportedChecklist {
  const checklist = keepAsWritten(parseMarkdownChecklist(text));
  if (itemCount(checklist) === 0) throw new NoChecklistError();
  return checklist;
}

export const readDocument = (text: string): ImportedChecklist => (looksLikeChecklistYaml(text) ? readChecklistYaml(text) : readMarkdown(text));
