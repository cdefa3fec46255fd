import { readFileSync } from "node:fs";
import path from "node:path";
import { dryRunJson, itemCount, NoChecklistError } from "@/lib/import/checklist";
import { decodeDocument, readDocument } from "@/lib/import/read-document";
import type { ImportPlan } from "@/lib/import/plan";
import { ChecklistYamlError } from "@/lib/import/yaml-checklist";
import { CliError, succeed, usageError, type Output } from "@/lib/cli/output";

const USAGE = "import needs a file: shipshape import FILE --dry-run [--json] | --team SLUG --new NAME | --project ID.";

// `shipshape import FILE --dry-run --json` prints what the document holds,
// touching no database (exit 2 when it holds no checklist, 1 when the file
// cannot be read). With --team SLUG --new NAME or --project ID it imports.
export async function importCommand(file: string | undefined, options: { "dry-run"?: boolean; team?: string; new?: string; project?: string }, output: Output) {
  if (!file) throw usageError(USAGE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError({ code: "UNREADABLE", message: `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` }, 1);
  }
  // Lines that are not UTF-8 are read as Windows-1252 and named in a warning.
  const { text, warnings: decoding } = decodeDocument(bytes);
  const decodingLines = decoding.map((w) => `  line ${w.line}: ${w.message}`);
  if (options["dry-run"] && options.project) return previewMerge(file, text, options.project, output, decodingLines);
  if (options["dry-run"]) {
    let checklist;
    try {
      checklist = readDocument(text);
      checklist.warnings.unshift(...decoding);
    } catch (error) {
      if (error instanceof NoChecklistError) throw new CliError({ code: "NO_CHECKLIST", message: error.message }, 2);
      if (error instanceof ChecklistYamlError) throw new CliError({ code: "INVALID_CHECKLIST", message: error.message }, 1);
      throw error;
    }
    const summary = dryRunJson(checklist);
    succeed(output, summary, [
      `${file}: ${itemCount(checklist)} items in ${checklist.categories.length} categories${checklist.warnings.length ? `, ${checklist.warnings.length} warnings` : ""}.`,
      ...checklist.categories.map((c) => `  ${c.name}: ${c.items.length} (${c.items.filter((i) => i.status === "DONE").length} done, ${c.items.filter((i) => i.status === "PARTIAL").length} partial)`),
      ...checklist.warnings.map((w) => `  line ${w.line}: ${w.message}`),
    ]);
    return;
  }

  if (!options.project === !(options.team && options.new)) throw usageError("Import into a new project with --team SLUG --new NAME, or into an existing one with --project ID (or preview with --dry-run).");
  const { operatorForProject, operatorForTeam } = await import("@/lib/server/access/operator");
  const { importChecklist } = await import("@/lib/server/services/import");
  const actor = options.project ? await operatorForProject(options.project) : await operatorForTeam(options.team as string);
  const result = await importChecklist(actor, { text, fileName: path.basename(file), projectId: options.project, name: options.new });
  const { counts } = result;
  succeed(output, result, [
    `Imported ${path.basename(file)} into ${result.created ? "new " : ""}project ${result.projectId}: ${counts.create} items created, ${counts.update} updated, ${counts.unchanged} unchanged, ${counts.evidence} pieces of evidence, ${counts.categories} new categories.`,
    ...decodingLines,
    ...result.warnings.map((w) => `  line ${w.line}: ${w.message}`),
  ]);
}

const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;
// How a row found its item when not by key or title, or what it might be: the preview's match column, as text.
function matchNote(planned: ImportPlan["items"][number]): string {
  if (planned.match?.how === "meaning") return `  ← “${planned.source.title}”, matched by meaning (${percent(planned.match.confidence)})`;
  if (planned.suggestion) return `  (maybe “${planned.suggestion.title}”, ${percent(planned.suggestion.confidence)}: not matched)`;
  return "";
}

// `--dry-run --project ID`: what merging the document into the project would
// change, item by item; nothing is written.
async function previewMerge(file: string, text: string, projectId: string, output: Output, decodingLines: string[]) {
  const { operatorForProject } = await import("@/lib/server/access/operator");
  const { previewImport } = await import("@/lib/server/services/import");
  const { plan } = await previewImport(await operatorForProject(projectId), { text, projectId });
  const changed = plan.items.filter((i) => i.action !== "unchanged");
  succeed(output, plan, [
    `${path.basename(file)} into project ${projectId}: ${plan.counts.create} to create, ${plan.counts.update} to update, ${plan.counts.unchanged} unchanged, ${plan.counts.evidence} pieces of evidence to add${plan.categoriesToCreate.length ? `, new categories: ${plan.categoriesToCreate.join(", ")}` : ""}.`,
    ...changed.map((i) => `  ${i.action === "create" ? "+" : "~"} ${i.key}: ${i.statusBefore && i.statusBefore !== i.status ? `${i.statusBefore} → ` : ""}${i.status}${i.evidenceToAdd.length ? ` (+${i.evidenceToAdd.length} evidence)` : ""}  [line ${i.line}]${matchNote(i)}`),
    ...decodingLines,
    ...plan.warnings.map((w) => `  line ${w.line}: ${w.message}`),
  ]);
}
