import { writeFileSync } from "node:fs";
import { EXPORT_FORMATS, reportFileName, type ExportFormat } from "@/lib/domain/report/formats";
import { operatorForProject } from "@/lib/server/auth/operator";
import { loadProjectReport } from "@/lib/server/read-models/project-report";
import { renderReport } from "@/lib/server/report/render";
import { succeed, usageError, type Output } from "../output";

// `shipshape export <project> --format md|csv|json|pdf [--out FILE]`: the
// project's status report, as the Report tab's downloads make it.
export async function exportCommand(projectId: string | undefined, options: { format?: string; out?: string }, output: Output) {
  if (!projectId) throw usageError("export needs the project's id: shipshape export <project> --format md|csv|json|pdf [--out FILE].");
  const format = (options.format ?? "md").toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw usageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}.`);
  const report = await loadProjectReport(await operatorForProject(projectId), projectId);
  const { body: content } = await renderReport(report, format);
  if (!options.out) {
    // The document itself is the output; --json only shapes errors here.
    process.stdout.write(content);
    return;
  }
  writeFileSync(options.out, content);
  succeed(output, { file: options.out, format, bytes: Buffer.byteLength(content), suggestedName: reportFileName(report, format) }, [
    `Wrote the ${format} report of “${report.project.name}” to ${options.out} (${report.summary.readinessPercent}%, level ${report.summary.level}).`,
  ]);
}
