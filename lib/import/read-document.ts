// Any document the importer accepts, read into a checklist: a YAML checklist
// (schema shipshape.checklist/v1) or Markdown. Throws NoChecklistError or
// ChecklistYamlError; the service and the CLI each say those their own way.
import { NoChecklistError, itemCount, type ImportWarning, type ImportedChecklist } from "./checklist";
import { parseMarkdownChecklist } from "./markdown";
import { keepAsWritten } from "./markdown/as-written";
import { decodeDocumentBytes } from "@/lib/schemas/document-bytes";
import { repairMojibake } from "./repair-encoding";
import { looksLikeChecklistYaml, readChecklistYaml } from "./yaml-checklist";

const lineList = (lines: number[]) => (lines.length > 10 ? `${lines.slice(0, 10).join(", ")} and ${lines.length - 10} more` : lines.join(", "));
const plural = (lines: number[]) => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lineList(lines)}`);

// U+FFFD stands for a character lost before the text reached Shipshape (a
// file decoded as UTF-8 that was not). It is taken out of titles and names,
// and the lines are named.
function withoutReplacementCharacters(checklist: ImportedChecklist): ImportedChecklist {
  const lines: number[] = [];
  const clean = (text: string) => text.replace(/\s*\uFFFD+\s*/g, (gap, offset: number, whole: string) => (offset === 0 || offset + gap.length === whole.length ? "" : gap.includes(" ") ? " " : ""));
  for (const category of checklist.categories) {
    if (category.name.includes("\uFFFD")) category.name = clean(category.name) || "General";
    for (const item of category.items) {
      if (!item.title.includes("\uFFFD")) continue;
      item.title = clean(item.title);
      lines.push(item.line);
    }
    category.items = category.items.filter((item) => item.title);
  }
  if (lines.length) checklist.warnings.push({ line: lines[0], message: `Characters lost before the document reached Shipshape (shown as “\uFFFD”) were removed from the titles on ${plural(lines)}; check them.` });
  return checklist;
}

function readMarkdown(text: string): ImportedChecklist {
  const repair = repairMojibake(text);
  const checklist = withoutReplacementCharacters(keepAsWritten(parseMarkdownChecklist(repair.text)));
  if (repair.repaired > 0) {
    checklist.warnings.unshift({
      line: repair.lines[0],
      message: `Repaired doubly encoded text (such as “âœ…” for ✅) on ${plural(repair.lines)}${repair.guessed ? `; ${repair.guessed} character${repair.guessed === 1 ? " was" : "s were"} missing a byte and guessed` : ""}.`,
    });
  }
  if (itemCount(checklist) === 0) throw new NoChecklistError();
  return checklist;
}

/** A document's text → its checklist. Throws NoChecklistError or ChecklistYamlError. */
export const readDocument = (text: string): ImportedChecklist => (looksLikeChecklistYaml(text) ? readChecklistYaml(text) : readMarkdown(text));

/**
 * A file's bytes → its text, and a warning naming the lines that were not
 * valid UTF-8 (read as Windows-1252 instead, never as U+FFFD).
 */
export function decodeDocument(bytes: Uint8Array): { text: string; warnings: ImportWarning[] } {
  const { text, invalidLines } = decodeDocumentBytes(bytes);
  if (invalidLines.length === 0) return { text, warnings: [] };
  return { text, warnings: [{ line: invalidLines[0], message: `The file is not valid UTF-8 on ${plural(invalidLines)}: read as Windows-1252 there; check their accented letters and symbols.` }] };
}

/** A file's bytes → its checklist, with the decoding warning first. */
export function readDocumentBytes(bytes: Uint8Array): ImportedChecklist {
  const { text, warnings } = decodeDocument(bytes);
  const checklist = readDocument(text);
  checklist.warnings.unshift(...warnings);
  return checklist;
}
