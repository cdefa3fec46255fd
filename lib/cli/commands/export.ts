import { writeFileSync } from "node:fs";
import { EXPORT_FORMATS, portfolioFileName, reportFileName, type ExportFormat } from "@/lib/domain/report/formats";
import { operatorForProject, operatorForTeam } from "@/lib/server/access/operator";
import { loadPortfolioReport } from "@/lib/server/read-models/portfolio-report";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { renderPortfolio, renderReport } from "@/lib/server/report/render";
import { succeed, usageError, type Output } from "@/lib/cli/output";

const USAGE = "export needs a project id or a team: shipshape export <project> | --team SLUG [--format md|csv|json|pdf] [--out FILE].";

// `shipshape export <project>` — the project's status report, as the Report
// tab's downloads make it; `shipshape export --team SLUG` — the team's
// portfolio report, as the dashboard's.
export async function exportCommand(projectId: string | undefined, options: { format?: string; out?: string; team?: string }, output: Output) {
  if (!projectId === !options.team) throw usageError(USAGE);
  const format = (options.format ?? "md").toLowerCase() as ExportFormat | "yaml";
  if (format === "yaml") {
    if (!projectId) throw usageError("--format yaml exports one project's checklist: shipshape export <project> --format yaml.");
    return exportChecklist(projectId, options.out, output);
  }
  if (!EXPORT_FORMATS.includes(format)) throw usageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}, or yaml.`);

  let content: string | Buffer;
  let summary: string;
  let suggestedName: string;
  if (projectId) {
    const report = await loadProjectReport(await operatorForProject(projectId), projectId);
    content = (await renderReport(report, format)).body;
    summary = `the ${format} report of “${report.project.name}” (${report.summary.readinessPercent}%, level ${report.summary.level})`;
    suggestedName = reportFileName(report, format);
  } else {
    const report = await loadPortfolioReport(await operatorForTeam(options.team as string));
    content = (await renderPortfolio(report, format)).body;
    summary = `the ${format} portfolio report of “${report.team.name}” (${report.totals.projects} projects, ${report.totals.launchReady} launch ready)`;
    suggestedName = portfolioFileName(report, format);
  }
  if (!options.out) {
    // The document itself is the output; --json only shapes errors here.
    process.stdout.write(content);
    return;
  }
  writeFileSync(options.out, content);
  succeed(output, { file: options.out, format, bytes: Buffer.byteLength(content), suggestedName }, [`Wrote ${summary} to ${options.out}.`]);
}

// The project's checklist as code (docs/checklist-yaml.md).
async function exportChecklist(projectId: string, out: string | undefined, output: Output) {
  const { checklistYaml } = await import("@/lib/import/yaml-checklist");
  const { loadChecklistDocument } = await import("@/lib/server/read-models/checklist-document");
  const document = await loadChecklistDocument(await operatorForProject(projectId), projectId);
  const content = checklistYaml(document);
  if (!out) {
    process.stdout.write(content);
    return;
  }
  writeFileSync(out, content);
  succeed(output, { file: out, format: "yaml", bytes: Buffer.byteLength(content) }, [`Wrote the checklist of “${document.name}” to ${out}.`]);
}
