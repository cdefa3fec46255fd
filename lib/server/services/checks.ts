import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { resultExpiresAt, nextRunAfter, verdictOf, type FailingStatus } from "@/lib/domain/checks/verdict";
import type { ItemStatus } from "@/lib/domain/readiness/vocabulary";
import { addCheckInput, checkRefInput, checkTarget, listChecksInput, recentCheckResultsInput, reportCheckResultInput, runProjectChecksInput } from "@/lib/schemas/check";
import { checkSettings, type CheckSettings } from "@/lib/schemas/check-settings";
import { runCheck, type CheckContext, type CheckOutcome, type ReportedResult } from "@/lib/server/checks/run-check";
import { actorLabel, actorUserId, nonPersonLabel, type Actor, type SystemActor } from "@/lib/server/kernel/actor";
import { db } from "@/lib/server/kernel/db";
import { AppError, conflict, notFound, parseInput } from "@/lib/server/kernel/errors";
import { authorize } from "@/lib/server/kernel/gate";
import { assertEditable, itemInTeam, projectInTeam } from "@/lib/server/kernel/tenancy";
import { checkResultViewSelect, checkViewSelect, toCheckResultView, toCheckView, type CheckResultView, type CheckView } from "@/lib/server/read-models/check-view";
import { recordProjectChange } from "./activity";
import { insertCheck } from "./check-writes";
import { notifyCheckRun } from "@/lib/server/notifications/check-events";
import { itemUpdatedEntry, lockItemRow } from "./item-changes";
import { repositoryCredentialsFor } from "./repository-tokens";

// Automated checks on items. A lead attaches a check to an item;
// each run stores a result, moves the check's state, and makes the item
// follow: Done while it passes, the check's failing status after enough
// failures in a row (lib/domain/checks/verdict.ts). What a run changes is
// done by Shipshape itself, the system actor, whoever asked for the run.

type Tx = Prisma.TransactionClient;

/** Results kept per check; older ones are deleted as new ones arrive. */
export const RESULTS_KEPT_PER_CHECK = 100;

/** Reports kept per `reported` check; runs read only the latest, the rest are history. */
export const REPORTS_KEPT_PER_CHECK = 20;

// An evidence label has room for 200 characters; summaries are one line.
const evidenceLabel = (summary: string) => (summary.length > 200 ? `${summary.slice(0, 199)}…` : summary);

async function checkView(client: Pick<Tx, "check">, actor: Actor, checkId: string): Promise<CheckView> {
  return toCheckView(await client.check.findFirstOrThrow({ where: { id: checkId, teamId: actor.teamId }, select: checkViewSelect }));
}

/**
 * Attaches a check to an item. Input (addCheckInput): the item by `itemId`
 * or by `projectId` and `key`; `settings` (lib/schemas/check-settings.ts,
 * their `kind` inside them or as `kind` beside them); `intervalMinutes`
 * (5–1440, default 60); `failuresBeforeFailing` (1–10, default 2);
 * `failingStatus` (PARTIAL or MISSING, default MISSING). The check is due at
 * once and stays PENDING, the item unchanged, until its first result.
 * Errors: VALIDATION (field-level: `settings.url` …; `settings.tokenRef` when
 * it names no read token of the team, or one for another host), FORBIDDEN,
 * NOT_FOUND, CONFLICT (archived project, or the item has a check with the
 * same settings already; `details.checkId` names it).
 */
export async function addCheck(actor: Actor, input: unknown): Promise<CheckView> {
  authorize(actor, "check.manage");
  const { settings, intervalMinutes, failuresBeforeFailing, failingStatus, itemId, projectId, key } = parseInput(addCheckInput, input);
  return db.$transaction(async (tx) => {
    const item = await itemInTeam(tx, actor, { itemId, projectId, key });
    // Under the item's lock, so two adds of the same check at once (a double
    // submit, two tabs) see each other: a copy would run twice and pile up
    // results for nothing.
    await lockItemRow(tx, actor, item.id);
    const existing = await tx.check.findMany({ where: { itemId: item.id, teamId: actor.teamId }, select: { id: true, settings: true } });
    const same = existing.find((check) => sameSettings(check.settings, settings));
    if (same) throw conflict("This item already has this check. Change a setting to add another, or re-check the one it has.", { checkId: same.id });
    const { checkId, entry } = await insertCheck(tx, actor, item, { settings, intervalMinutes, failuresBeforeFailing, failingStatus });
    await recordProjectChange(tx, actor, entry);
    return checkView(tx, actor, checkId);
  });
}

// JSON with its object keys sorted, so that settings compare whatever order they were stored in.
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : value && typeof value === "object"
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(",")}}`
      : JSON.stringify(value);

// Whether stored settings are the same check as new ones: compared with
// the defaults of this version filled in on both sides.
function sameSettings(stored: unknown, settings: CheckSettings): boolean {
  const parsed = checkSettings.safeParse(stored);
  return canonical(parsed.success ? parsed.data : stored) === canonical(settings);
}

// The project (archived too, unless `editable`) and, when `itemKey` is
// given, the item in it: NOT_FOUND for either, as a read of them would answer.
async function checksScope(actor: Actor, projectId: string, itemKey: string | undefined, { editable = false } = {}): Promise<void> {
  await projectInTeam(db, actor, projectId, { editable });
  if (itemKey !== undefined) {
    const item = await db.item.findFirst({ where: { projectId, key: itemKey, teamId: actor.teamId }, select: { id: true } });
    if (!item) throw notFound("Item");
  }
}

/**
 * A project's checks (`projectId`), or one item's (`itemKey`), oldest first.
 * Errors: VALIDATION, FORBIDDEN (share links), NOT_FOUND (project or item).
 */
export async function listChecks(actor: Actor, input: unknown): Promise<CheckView[]> {
  authorize(actor, "project.read");
  const { projectId, itemKey } = parseInput(listChecksInput, input);
  await checksScope(actor, projectId, itemKey);
  const rows = await db.check.findMany({
    where: { teamId: actor.teamId, projectId, ...(itemKey !== undefined ? { item: { key: itemKey } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: checkViewSelect,
  });
  return rows.map(toCheckView);
}

/**
 * The latest results of every check of a project (`projectId`), or of one
 * item's (`itemKey`), newest first: at most `perCheck` (1–20, default 10)
 * per check, in one statement however many checks there are. Keyed by the
 * check's id; a check without results has no key.
 * Errors: VALIDATION, FORBIDDEN (share links), NOT_FOUND (project or item).
 */
export async function recentCheckResults(actor: Actor, input: unknown): Promise<Record<string, CheckResultView[]>> {
  authorize(actor, "project.read");
  const { projectId, itemKey, perCheck } = parseInput(recentCheckResultsInput, input);
  await checksScope(actor, projectId, itemKey);
  // Per check, the newest rows of its (checkId, ranAt desc) index: a
  // lateral join reads perCheck rows each, never a check's whole history.
  const rows = await db.$queryRaw<{ checkId: string; id: string; passed: boolean; summary: string; details: unknown; durationMs: number; ranAt: Date }[]>`
    SELECT c.id AS "checkId", r.id, r.passed, r.summary, r.details, r."durationMs", r."ranAt"
    FROM item_check c
    JOIN item i ON i.id = c."itemId"
    CROSS JOIN LATERAL (
      SELECT id, passed, summary, details, "durationMs", "ranAt" FROM check_result
      WHERE "checkId" = c.id AND "teamId" = ${actor.teamId}
      ORDER BY "ranAt" DESC, id DESC
      LIMIT ${perCheck}
    ) r
    WHERE c."teamId" = ${actor.teamId} AND c."projectId" = ${projectId} ${itemKey !== undefined ? Prisma.sql`AND i.key = ${itemKey}` : Prisma.empty}
    ORDER BY c.id, r."ranAt" DESC, r.id DESC`;
  const byCheck: Record<string, CheckResultView[]> = {};
  for (const { checkId, ...row } of rows) (byCheck[checkId] ??= []).push(toCheckResultView(row));
  return byCheck;
}

/**
 * Removes a check (`checkId`, and optionally the `projectId` it must be in) and its results. The item keeps its status,
 * and its last CHECK_RESULT evidence until that expires, so the item turns
 * stale by the usual rules unless someone verifies it another way.
 * Errors: FORBIDDEN, NOT_FOUND, CONFLICT (archived project).
 */
export async function removeCheck(actor: Actor, input: unknown): Promise<{ projectId: string; itemId: string }> {
  authorize(actor, "check.manage");
  const { checkId, projectId } = parseInput(checkRefInput, input);
  return db.$transaction(async (tx) => {
    const check = await tx.check.findFirst({
      where: { id: checkId, teamId: actor.teamId, ...(projectId ? { projectId } : {}) },
      select: { id: true, projectId: true, itemId: true, settings: true, project: { select: { archivedAt: true } } },
    });
    if (!check) throw notFound("Check");
    assertEditable(check.project);
    await tx.check.delete({ where: { id: check.id } });
    const settings = check.settings as CheckSettings;
    await recordProjectChange(tx, actor, {
      action: "check.removed",
      entityType: "check",
      entityId: check.id,
      projectId: check.projectId,
      itemId: check.itemId,
      before: { kind: settings.kind, target: checkTarget(settings) },
    });
    return { projectId: check.projectId, itemId: check.itemId };
  });
}

/** What a run did: the check as it now stands, the result, and the item's status after it. */
export type CheckRun = { check: CheckView; result: CheckResultView; itemStatus: ItemStatus };

/**
 * For the server's own callers only (never from a request): the runner's
 * context, so tests can allow loopback and the scheduler can pass its
 * cancellation signal.
 */
export type RunCheckOptions = {
  context?: CheckContext;
  /**
   * For the scheduler: when the check is next due, which it already set when
   * it queued this run (its slots stay on their grid however late a run
   * starts). By default the run's time plus the interval.
   */
  nextRunAt?: Date;
};

/**
 * Runs a check (`checkId`, and optionally the `projectId` it must be in) now and applies its result. The runner runs
 * outside any transaction (it may take up to 30 s); then, in one
 * transaction under the item's row lock: the result is stored (the last
 * RESULTS_KEPT_PER_CHECK kept), the check's state moves, the item follows
 * (Done on a pass, the failing status after failuresBeforeFailing failures
 * in a row; an item marked Not applicable is left alone), its version bumps
 * like any edit, and its CHECK_RESULT evidence from this check is replaced
 * by one labelled with the summary that expires when the next result is due
 * plus a grace. Changes of state and of the item are activity of the system
 * actor (check.passed, check.failed, item.updated). A `reported` check is
 * given the latest stored report (reportCheckResult), so it fails once that
 * is older than its window. A failing target is a result, not an error.
 * Errors: VALIDATION, FORBIDDEN, NOT_FOUND (also when the check is removed
 * during the run), CONFLICT (archived project).
 */
export async function runCheckNow(actor: Actor, input: unknown, options: RunCheckOptions = {}): Promise<CheckRun> {
  authorize(actor, "check.run");
  const { checkId, projectId } = parseInput(checkRefInput, input);
  const check = await db.check.findFirst({
    where: { id: checkId, teamId: actor.teamId, ...(projectId ? { projectId } : {}) },
    select: {
      settings: true,
      project: { select: { archivedAt: true } },
      // A reported check judges the latest report against its window, so a
      // scheduled run fails once the pipeline has stopped reporting.
      reports: { orderBy: [{ reportedAt: "desc" }, { id: "desc" }], take: 1, select: { reportedAt: true, passed: true, summary: true } },
    },
  });
  if (!check) throw notFound("Check");
  assertEditable(check.project);
  // Stored settings were parsed when added; parsing again fills defaults a
  // later version of the schema introduced. Settings a later version refuses
  // (an address with a password …) fail the run with the reason, rather
  // than the run failing with no result.
  const parsed = checkSettings.safeParse(check.settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const summary = `This check's settings are no longer accepted (${issue?.path.join(".") || "settings"}: ${issue?.message ?? "invalid"}); remove it and add it again.`;
    return applyOutcome(actor, checkId, { passed: false, summary, details: { error: summary }, durationMs: 0 }, new Date(), { nextRunAt: options.nextRunAt });
  }
  const settings = parsed.data;
  const lastReport: ReportedResult | null = check.reports[0] ?? null;
  // A repository on a host the team stored a read token for is cloned with it.
  const stored = await repositoryCredentialsFor(actor, settings);
  const outcome: CheckOutcome = stored.failure
    ? { passed: false, summary: stored.failure, details: { error: stored.failure }, durationMs: 0 }
    : await runCheck(settings, { lastReport, ...(stored.credentials ? { repositoryCredentials: stored.credentials } : {}), ...options.context });
  return applyOutcome(actor, checkId, outcome, new Date(), { nextRunAt: options.nextRunAt });
}

/** What a report did: the report as stored, and the run it was applied through. */
export type CheckReportResult = CheckRun & { report: { id: string; passed: boolean; summary: string | null; url: string | null; reportedAt: string } };

/**
 * Stores a result a pipeline reports for a `reported` check and applies it at
 * once, through the same rules as any run (the reported runner judges it
 * against the check's window; runCheckNow later judges the latest report
 * again, so the item falls once the pipeline stops reporting). Input
 * (reportCheckResultInput): `checkId`, optionally the `projectId` it must be
 * in, `passed`, `summary` (≤ 500 characters), `details` (a JSON object of at
 * most 4 KB), `url` (https, the pipeline run). One transaction under the
 * item's row lock: the report (the last REPORTS_KEPT_PER_CHECK kept), its
 * activity (`check.reported`, as the reporter), then the run's result, state,
 * item status, evidence and activity as runCheckNow records them.
 * Errors: VALIDATION, FORBIDDEN (needs `check.run`), NOT_FOUND, CONFLICT
 * (the check is not of kind `reported`, or the project is archived).
 */
export async function reportCheckResult(actor: Actor, input: unknown, options: RunCheckOptions = {}): Promise<CheckReportResult> {
  authorize(actor, "check.run");
  const { checkId, projectId, passed, summary, details, url } = parseInput(reportCheckResultInput, input);
  return db.$transaction(async (tx) => {
    const check = await tx.check.findFirst({
      where: { id: checkId, teamId: actor.teamId, ...(projectId ? { projectId } : {}) },
      select: { id: true, itemId: true, projectId: true, settings: true, project: { select: { archivedAt: true } } },
    });
    if (!check) throw notFound("Check");
    const settings = checkSettings.parse(check.settings);
    if (settings.kind !== "reported") {
      throw conflict(`This is a${settings.kind === "http" ? "n" : ""} ${settings.kind} check, which Shipshape runs itself; only checks of kind reported take reported results.`, {
        kind: settings.kind,
      });
    }
    assertEditable(check.project);
    // The item first, as every writer of it locks it (and as the run applied below does).
    await lockItemRow(tx, actor, check.itemId);
    const report = await tx.checkReport.create({
      data: {
        teamId: actor.teamId,
        checkId,
        passed,
        summary: summary ?? null,
        ...(details ? { details: details as Prisma.InputJsonValue } : {}),
        url: url ?? null,
        reportedById: actorUserId(actor),
        reportedByLabel: nonPersonLabel(actor),
      },
      select: { id: true, passed: true, summary: true, url: true, reportedAt: true },
    });
    await tx.$executeRaw`DELETE FROM check_report WHERE "checkId" = ${checkId} AND id NOT IN (
      SELECT id FROM check_report WHERE "checkId" = ${checkId} ORDER BY "reportedAt" DESC, id DESC LIMIT ${REPORTS_KEPT_PER_CHECK})`;
    await recordProjectChange(tx, actor, {
      action: "check.reported",
      entityType: "check",
      entityId: checkId,
      projectId: check.projectId,
      itemId: check.itemId,
      after: { passed, summary: summary ?? null, url: url ?? null },
    });
    // The reported runner touches no network: it judges the report here, in the transaction.
    const outcome = await runCheck(settings, { ...options.context, lastReport: { reportedAt: report.reportedAt, passed, summary: summary ?? null } });
    const run = await applyOutcome(actor, checkId, outcome, report.reportedAt, { within: tx });
    return { ...run, report: { ...report, reportedAt: report.reportedAt.toISOString() } };
  });
}

// Shipshape acting in the actor's team: the author of what a run changes.
const checksActor = (actor: Actor): SystemActor => ({ kind: "system", job: "checks", teamId: actor.teamId, timeZone: actor.timeZone });

// Applies a run's outcome: in `within` (a transaction the caller holds, which
// has locked the item already or not), or in a transaction of its own.
// `nextRunAt`: the scheduler's next slot for the check; unset, one interval
// after this run.
async function applyOutcome(
  actor: Actor,
  checkId: string,
  outcome: CheckOutcome,
  ranAt: Date,
  { within, nextRunAt }: { within?: Tx; nextRunAt?: Date } = {},
): Promise<CheckRun> {
  const system = checksActor(actor);
  const apply = async (tx: Tx): Promise<CheckRun> => {
    const found = await tx.check.findFirst({ where: { id: checkId, teamId: actor.teamId }, select: { itemId: true } });
    if (!found) throw notFound("Check");
    // Item first, as every writer of an item locks it; then the check, so
    // two runs of it count their failures one after the other.
    await lockItemRow(tx, actor, found.itemId);
    const [check] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM item_check WHERE id = ${checkId} AND "teamId" = ${actor.teamId} FOR UPDATE`;
    if (!check) throw notFound("Check");
    const current = await tx.check.findUniqueOrThrow({ where: { id: checkId } });
    const item = await itemInTeam(tx, actor, current.itemId);

    const verdict = verdictOf(
      { ...current, failingStatus: current.failingStatus as FailingStatus },
      outcome.passed,
      ranAt,
      item.status,
    );
    const result = await tx.checkResult.create({
      data: {
        teamId: actor.teamId,
        checkId,
        passed: outcome.passed,
        summary: outcome.summary,
        details: outcome.details as Prisma.InputJsonValue,
        durationMs: outcome.durationMs,
        ranAt,
      },
      select: checkResultViewSelect,
    });
    await tx.$executeRaw`DELETE FROM check_result WHERE "checkId" = ${checkId} AND id NOT IN (
      SELECT id FROM check_result WHERE "checkId" = ${checkId} ORDER BY "ranAt" DESC, id DESC LIMIT ${RESULTS_KEPT_PER_CHECK})`;
    await tx.check.update({
      where: { id: checkId },
      data: {
        state: verdict.state,
        consecutiveFailures: verdict.consecutiveFailures,
        failingSince: verdict.failingSince,
        lastRunAt: ranAt,
        // The scheduler's slot, unless a later tick has claimed a later one already.
        nextRunAt: nextRunAt === undefined ? nextRunAfter(ranAt, current.intervalMinutes) : current.nextRunAt && current.nextRunAt > nextRunAt ? current.nextRunAt : nextRunAt,
        lastSummary: outcome.summary,
      },
    });
    // The latest result is the item's evidence from this check: replaced,
    // not piled up. It is written before the status, so an evidence policy
    // asking for evidence on a Done item finds it.
    await tx.evidence.deleteMany({ where: { itemId: item.id, teamId: actor.teamId, checkId } });
    await tx.evidence.create({
      data: {
        teamId: actor.teamId,
        itemId: item.id,
        checkId,
        kind: "CHECK_RESULT",
        label: evidenceLabel(outcome.summary),
        expiresAt: resultExpiresAt(ranAt, current.intervalMinutes),
        addedByLabel: actorLabel(system),
      },
    });
    if (verdict.itemStatus) {
      await tx.item.update({
        where: { id: item.id },
        data: { status: verdict.itemStatus, version: { increment: 1 }, updatedById: null, updatedByLabel: actorLabel(system) },
      });
    }
    await notifyCheckRun(tx, system, {
      checkId,
      kind: current.kind,
      before: current.state,
      after: verdict.state,
      summary: outcome.summary,
      item: { id: item.id, key: item.key, title: item.title, projectId: item.projectId, ownerId: item.ownerId },
    });
    if (verdict.stateChanged || verdict.itemStatus) {
      await recordProjectChange(tx, system, [
        {
          action: outcome.passed ? "check.passed" : "check.failed",
          entityType: "check",
          entityId: checkId,
          projectId: item.projectId,
          itemId: item.id,
          before: { state: current.state },
          after: { state: verdict.state, summary: outcome.summary, consecutiveFailures: verdict.consecutiveFailures, requestedBy: actorLabel(actor) },
        },
        ...(verdict.itemStatus ? [itemUpdatedEntry(item, item.version, { status: item.status }, { status: verdict.itemStatus })] : []),
      ]);
    }
    return { check: await checkView(tx, actor, checkId), result: toCheckResultView(result), itemStatus: verdict.itemStatus ?? item.status };
  };
  return within ? apply(within) : db.$transaction(apply);
}

/** What running a project's checks did: how many ran, passed and failed. */
export type ProjectChecksRun = { total: number; passed: number; failed: number };

// Checks of one project run at once: a page's "Re-check now" should not take
// a check's timeout per check, nor open connections to every target at once.
const PROJECT_RUN_CONCURRENCY = 2;

/**
 * Runs every check of a project (`projectId`), or of one item (`itemKey`),
 * now, at most PROJECT_RUN_CONCURRENCY at a time, each as runCheckNow does
 * (its own transaction and records). A check removed while the others run is
 * skipped and not counted. Answers with the counts.
 * Errors: VALIDATION, FORBIDDEN, NOT_FOUND (project or item), CONFLICT
 * (archived project).
 */
export async function runProjectChecks(actor: Actor, input: unknown, options: RunCheckOptions = {}): Promise<ProjectChecksRun> {
  authorize(actor, "check.run");
  const { projectId, itemKey } = parseInput(runProjectChecksInput, input);
  await checksScope(actor, projectId, itemKey, { editable: true });
  const checks = await db.check.findMany({
    where: { teamId: actor.teamId, projectId, ...(itemKey !== undefined ? { item: { key: itemKey } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const counts: ProjectChecksRun = { total: 0, passed: 0, failed: 0 };
  const queue = checks.map((check) => check.id);
  const worker = async () => {
    for (let checkId = queue.shift(); checkId !== undefined; checkId = queue.shift()) {
      try {
        const run = await runCheckNow(actor, { checkId, projectId }, options);
        counts.total += 1;
        if (run.result.passed) counts.passed += 1;
        else counts.failed += 1;
      } catch (error) {
        if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROJECT_RUN_CONCURRENCY, queue.length) }, worker));
  return counts;
}
