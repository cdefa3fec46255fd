import type { ApiCheck, ApiCheckReport, ApiCheckRun } from "@/lib/schemas/api-responses";
import { MAX_CHECK_TIMEOUT_MS } from "@/lib/schemas/check-settings";
import { apiClientFromEnvironment, type ApiClient } from "@/lib/cli/api-client";
import { CliError, EXIT, succeed, usageError, type Output } from "@/lib/cli/output";

type CheckOptions = {
  project?: string;
  item?: string;
  check?: string;
  pass?: boolean;
  fail?: boolean;
  summary?: string;
  url?: string;
  wait?: boolean;
  timeout?: string;
};

/** For tests: how long `--wait` pauses between looks at the checks, and the clock it reads. */
export type WaitClock = { pollMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number };

// A run answers once the check has finished: allow its longest timeout and
// the server's own work on top.
const RUN_TIMEOUT_MS = MAX_CHECK_TIMEOUT_MS + 30_000;
/** `--wait` gives up after this many seconds unless `--timeout` says otherwise. */
export const DEFAULT_WAIT_SECONDS = 300;
const POLL_MS = 2_000;

const line = (run: ApiCheckRun) => `${run.result.passed ? "✓" : "✗"} ${run.check.itemKey} (${run.check.kind}): ${run.result.summary} → item ${run.itemStatus}`;

// A check whose latest result failed (below its threshold it may still read PENDING or PASSING).
const lastFailed = (check: ApiCheck) => check.consecutiveFailures > 0;
const stateLine = (check: ApiCheck) => `${lastFailed(check) ? "✗" : "✓"} ${check.itemKey} ${check.kind} ${check.state}: ${check.lastSummary ?? "not run yet"}`;

/**
 * `shipshape check run --project ID [--item KEY] [--wait [--timeout SECONDS]]`
 * runs every check of the project (or of one item) now, one after another,
 * and prints each result; `shipshape check report --project ID --check ID
 * (--pass | --fail) [--summary TEXT] [--url URL]` reports a pipeline's result
 * for a `reported` check. Exit codes (lib/cli/output.ts EXIT): `run` exits 1
 * (CHECKS_FAILED, every run in `details`) when one failed, 3
 * (CHECKS_TIMED_OUT) when `--wait` saw runs unfinished at its timeout;
 * `report` exits 0 once the result is accepted, passed or failed. `api` and
 * `clock` are for tests; otherwise SHIPSHAPE_URL and SHIPSHAPE_TOKEN configure it.
 */
export async function checkCommand(action: string | undefined, options: CheckOptions, output: Output, api?: ApiClient, clock: WaitClock = {}): Promise<void> {
  if (action === "report") return reportResult(options, output, api);
  if (action !== "run") throw usageError("check needs: run or report.");
  if (!options.project) throw usageError("check run needs --project.");
  const timeoutSeconds = options.timeout === undefined ? DEFAULT_WAIT_SECONDS : Number(options.timeout);
  if (options.timeout !== undefined && !options.wait) throw usageError("--timeout goes with --wait.");
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) throw usageError("--timeout needs a whole number of seconds, at least 1.");
  const client = api ?? apiClientFromEnvironment();
  const project = `/api/v1/projects/${encodeURIComponent(options.project)}`;
  const listPath = options.item ? `${project}/items/${encodeURIComponent(options.item)}/checks` : `${project}/checks`;
  const { data: list } = await client<{ data: ApiCheck[] }>("GET", listPath);
  if (list.data.length === 0) {
    succeed(output, options.wait ? { checks: [] } : { runs: [] }, [`No checks on ${options.item ?? "this project"}.`]);
    return;
  }
  if (options.wait) return runAndWait(client, project, listPath, list.data, timeoutSeconds, output, clock);
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
  throw new CliError({ code: "CHECKS_FAILED", message: `${failed} of ${runs.length} checks failed.`, details: { runs } }, EXIT.FAILED);
}

/**
 * `--wait`: asks for every run, then looks at the checks until each has run
 * since it was asked (its lastRunAt moved on from what it was before — the
 * server's clock against itself, so a skewed client clock cannot fool it),
 * or the timeout passes. Runs answer synchronously today, so the first look
 * usually finds them all done; a server that queues runs is waited for.
 */
async function runAndWait(client: ApiClient, project: string, listPath: string, checks: ApiCheck[], timeoutSeconds: number, output: Output, clock: WaitClock) {
  const now = clock.now ?? Date.now;
  const sleep = clock.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + timeoutSeconds * 1000;
  const before = new Map(checks.map((check) => [check.id, check.lastRunAt]));
  for (const check of checks) {
    await client("POST", `${project}/checks/${encodeURIComponent(check.id)}/run`, undefined, {}, RUN_TIMEOUT_MS);
  }
  const ranSince = (check: ApiCheck) => check.lastRunAt !== null && check.lastRunAt !== before.get(check.id);
  let current: ApiCheck[];
  for (;;) {
    // Checks added meanwhile were not asked for; checks removed meanwhile are not waited for.
    current = (await client<{ data: ApiCheck[] }>("GET", listPath)).data.data.filter((check) => before.has(check.id));
    if (current.every(ranSince) || now() >= deadline) break;
    await sleep(Math.min(clock.pollMs ?? POLL_MS, Math.max(0, deadline - now())));
  }
  const unfinished = current.filter((check) => !ranSince(check));
  const failed = current.filter((check) => ranSince(check) && lastFailed(check));
  const lines = [
    ...current.map((check) => (ranSince(check) ? stateLine(check) : `… ${check.itemKey} ${check.kind} ${check.state}: still running`)),
    `${current.length} ${current.length === 1 ? "check" : "checks"}: ${current.length - failed.length - unfinished.length} passed, ${failed.length} failed${unfinished.length ? `, ${unfinished.length} unfinished` : ""}.`,
  ];
  if (failed.length === 0 && unfinished.length === 0) {
    succeed(output, { checks: current }, lines);
    return;
  }
  if (!output.json) process.stdout.write(`${lines.join("\n")}\n`);
  // A failure is the stronger news: a pipeline gating on checks should see it first.
  if (failed.length > 0) throw new CliError({ code: "CHECKS_FAILED", message: `${failed.length} of ${current.length} checks failed.`, details: { checks: current } }, EXIT.FAILED);
  throw new CliError(
    { code: "CHECKS_TIMED_OUT", message: `${unfinished.length} of ${current.length} checks had not finished after ${timeoutSeconds} s.`, details: { checks: current } },
    EXIT.TIMED_OUT,
  );
}

async function reportResult(options: CheckOptions, output: Output, api?: ApiClient) {
  if (!options.project || !options.check) throw usageError("check report needs --project and --check.");
  if (Boolean(options.pass) === Boolean(options.fail)) throw usageError("check report needs either --pass or --fail.");
  const client = api ?? apiClientFromEnvironment();
  const body = { passed: Boolean(options.pass), ...(options.summary !== undefined ? { summary: options.summary } : {}), ...(options.url !== undefined ? { url: options.url } : {}) };
  const path = `/api/v1/projects/${encodeURIComponent(options.project)}/checks/${encodeURIComponent(options.check)}/results`;
  const { data } = await client<ApiCheckReport>("POST", path, body);
  succeed(output, data, [`Reported ${data.report.passed ? "a pass" : "a failure"} for ${data.check.itemKey}: ${data.result.summary} → item ${data.itemStatus}`]);
}
