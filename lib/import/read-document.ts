// Any document the importer accepts, read into a checklist: a YAML checklist
// (schema shipshape.checklist/v1) or Markdown. Throws NoChecklistError or
// ChecklistYamlError; the service and the CLI each say those their own way.
import { NoChecklistError, itemCount, type ImportWarning, type ImportedChecklist } from "./checklist";
import { parseMarkdownChecklist } from "./markdown";
import { keepAsWritten } from "./markdown/as-written";
import { CP1252_HIGH, repairMojibake } from "./repair-encoding";
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

// By table: some runtimes decode the label "windows-1252" as Latin-1.
const windows1252 = (byte: number) => (byte >= 0xa0 ? String.fromCharCode(byte) : (CP1252_HIGH[byte] ?? ""));

// One line that is not valid UTF-8: its valid sequences are kept, and each
// byte that fits none is read as Windows-1252, the likeliest origin of such a
// file ("Caf\xe9" is "Café"). The five bytes 1252 leaves undefined are dropped.
function decodeMixedLine(bytes: Uint8Array): string {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= bytes.length) {
      try {
        out += utf8.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // Not a sequence: read the lead byte alone below.
      }
    }
    out += windows1252(lead);
    i += 1;
  }
  return out;
}

/**
 * A file's bytes → its text, and a warning naming the lines that were not
 * valid UTF-8 (read as Windows-1252 instead, never as U+FFFD). A byte-order
 * mark is dropped.
 */
export function decodeDocument(bytes: Uint8Array): { text: string; warnings: ImportWarning[] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    // Some lines are not UTF-8: decode line by line below.
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const parts: string[] = [];
  const lines: number[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(slice));
    } catch {
      parts.push(decodeMixedLine(slice));
      lines.push(line);
    }
    start = end + 1;
  }
  return {
    text: parts.join("\n"),
    warnings: [{ line: lines[0], message: `The file is not valid UTF-8 on ${plural(lines)}: read as Windows-1252 there; check their accented letters and symbols.` }],
  };
}

/** A file's bytes → its checklist, with the decoding warning first. */
export function readDocumentBytes(bytes: Uint8Array): ImportedChecklist {
  const { text, warnings } = decodeDocument(bytes);
  const checklist = readDocument(text);
  checklist.warnings.unshift(...warnings);
  return checklist;
}
