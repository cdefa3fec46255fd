import type { ApiCheck, ApiCheckRun } from "@/lib/schemas/api-responses";
import { MAX_CHECK_TIMEOUT_MS } from "@/lib/schemas/check-settings";
import { apiClientFromEnvironment, type ApiClient } from "@/lib/cli/api-client";
import { CliError, succeed, usageError, type Output } from "@/lib/cli/output";

type CheckOptions = { project?: string; item?: string };

// A run answers once the check has finished: allow its longest timeout and
// the server's own work on top.
const RUN_TIMEOUT_MS = MAX_CHECK_TIMEOUT_MS + 30_000;

const line = (run: ApiCheckRun) => `${run.result.passed ? "✓" : "✗"} ${run.check.itemKey} (${run.check.kind}): ${run.result.summary} → item ${run.itemStatus}`;

/**
 * `shipshape check run --project ID [--item KEY]`: runs every check of the
 * project (or of one item) now, one after another, and prints each result.
 * Exits 1 (CHECKS_FAILED, with every run in `details.runs`) when one failed,
 * so it can gate a CI pipeline. `api` is for tests; otherwise SHIPSHAPE_URL
 * and SHIPSHAPE_TOKEN configure it.
 */
export async function checkCommand(action: string | undefined, options: CheckOptions, output: Output, api?: ApiClient): Promise<void> {
  if (action !== "run") throw usageError("check needs: run.");
  if (!options.project) throw usageError("check run needs --project.");
  const client = api ?? apiClientFromEnvironment();
  const project = `/api/v1/projects/${encodeURIComponent(options.project)}`;
  const listPath = options.item ? `${project}/items/${encodeURIComponent(options.item)}/checks` : `${project}/checks`;
  const { data: list } = await client<{ data: ApiCheck[] }>("GET", listPath);
  if (list.data.length === 0) {
    succeed(output, { runs: [] }, [`No checks on ${options.item ?? "this project"}.`]);
    return;
  }
  const runs: ApiCheckRun[] = [];
  for (const check of list.data) {
    const { data } = await client<ApiCheckRun>("POST", `${project}/checks/${encodeURIComponent(check.id)}/run`, undefined, {}, RUN_TIMEOUT_MS);
    runs.push(data);
  }
  const failed = runs.filter((run) => !run.result.passed).length;
  const lines = [...runs.map(line), `${runs.length} ${runs.length === 1 ? "check" : "checks"}: ${runs.length - failed} passed, ${failed} failed.`];
  if (failed === 0) {
    succeed(output, { runs }, lines);
    return;
  }
  // The results on stdout, the verdict on stderr (and as the JSON error).
  if (!output.json) process.stdout.write(`${lines.join("\n")}\n`);
  throw new CliError({ code: "CHECKS_FAILED", message: `${failed} of ${runs.length} checks failed.`, details: { runs } });
}
