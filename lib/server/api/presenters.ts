import "server-only";
import { headlineOf } from "@/lib/domain/readiness/score";
import type { ApiAcceptedCheckSuggestions, ApiBulkItemsResult, ApiCheck, ApiComment, ApiCheckReport, ApiCheckRun, ApiCheckSuggestions, ApiConflictingChange, ApiEvidence, ApiItem, ApiItemSummary, ApiProject, ApiProjectSummary, ApiSentNotification } from "@/lib/schemas/api-responses";
import { config } from "@/lib/server/kernel/config";
import { AppError } from "@/lib/server/kernel/errors";
import type { EvidenceView } from "@/lib/server/read-models/evidence-view";
import type { CommentView } from "@/lib/server/read-models/comment-view";
import type { CheckResultView, CheckView } from "@/lib/server/read-models/check-view";
import type { AcceptedChecks, CheckSuggestions } from "@/lib/server/services/check-suggestions";
import type { BulkUpdateResult } from "@/lib/server/services/bulk-items";
import type { ItemDetail } from "@/lib/server/read-models/item-detail";
import type { ItemView } from "@/lib/server/read-models/item-view";
import type { PortfolioProject } from "@/lib/server/read-models/portfolio";
import type { SentNotification } from "@/lib/server/read-models/sent-notifications";
import type { ProjectScore } from "@/lib/server/read-models/project-score";

// Read models → the REST API's documented shapes (lib/schemas/api.ts). The
// return types make the compiler hold these to the OpenAPI document.

export const projectWebUrl = (projectId: string) => `${config().APP_URL}/projects/${projectId}`;

export function toApiProjectSummary(project: PortfolioProject): ApiProjectSummary {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    targetDate: project.targetDate,
    archived: project.archived,
    readinessPercent: project.readiness.percent,
    level: project.readiness.level,
    launchBlockers: project.readiness.launchBlockers,
    needsTriage: project.readiness.needsTriage,
    remainingEffortHours: project.readiness.remainingEffortHours,
    unestimatedItems: project.readiness.unestimatedItems,
    lastActivityAt: project.lastActivityAt,
  };
}

export function toApiProject({ project, readiness, matrix, timeZone }: ProjectScore): ApiProject {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    productionUrl: project.productionUrl,
    repositoryUrl: project.repositoryUrl,
    targetDate: project.targetDate,
    timeZone,
    archived: project.archived,
    evidencePolicy: project.evidencePolicy,
    weights: project.weights,
    template: project.template,
    createdAt: project.createdAt,
    webUrl: projectWebUrl(project.id),
    summary: {
      ...headlineOf(readiness),
      nextLevel: readiness.nextLevel && {
        level: readiness.nextLevel.level,
        name: readiness.nextLevel.name,
        outstanding: readiness.nextLevel.outstanding,
        needsTriage: readiness.nextLevel.needsTriage,
      },
    },
    matrix: matrix.map((row) => ({ category: row.name, counts: row.counts, applicable: row.applicable, percent: row.percent, glyph: row.glyph })),
  };
}

export function toApiItemSummary(item: ItemView, category: string): ApiItemSummary {
  return {
    key: item.key,
    title: item.title,
    category,
    status: item.status,
    standing: item.standing,
    priority: item.priority,
    effortHours: item.effortHours,
    ownerEmail: item.ownerEmail,
    ownerName: item.ownerName,
    dueDate: item.dueDate,
    overdue: item.overdue,
    notApplicableReason: item.notApplicableReason,
    evidenceCount: item.evidenceCount,
    version: item.version,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedByName,
  };
}

export function toApiEvidence(evidence: EvidenceView): ApiEvidence {
  return {
    id: evidence.id,
    kind: evidence.kind,
    url: evidence.url,
    path: evidence.path,
    label: evidence.label,
    expiresAt: evidence.expiresAt,
    expired: evidence.expired,
    addedBy: evidence.addedByName,
    createdAt: evidence.createdAt,
  };
}

export const toApiComment = (comment: CommentView): ApiComment => ({
  id: comment.id,
  body: comment.body,
  author: comment.authorName,
  mentions: comment.mentions,
  createdAt: comment.createdAt,
  editedAt: comment.editedAt,
  canEdit: comment.canEdit,
  canDelete: comment.canDelete,
});

/** An event of the outbox as the API shows it: its recipients with whether each has read it. */
export const toApiSentNotification = (event: SentNotification): ApiSentNotification => ({
  ...event,
  recipients: event.recipients.map(({ name, email, readAt }) => ({ name, email, read: readAt !== null, readAt })),
});

/** The item as the API shows it; `timeZone` is the team's, in which `overdue` was judged. */
export function toApiItem(item: ItemDetail, timeZone: string): ApiItem {
  return {
    ...toApiItemSummary(item, item.categoryName),
    why: item.why,
    howToVerify: item.howToVerify,
    notes: item.notes,
    webUrl: `${projectWebUrl(item.projectId)}/items/${item.id}`,
    evidence: item.evidence.map(toApiEvidence),
    checks: item.checks,
    timeZone,
  };
}

/** A bulk edit's answer: the changed items as the API shows one, the refused ones by key. */
export const toApiBulkItemsResult = (result: BulkUpdateResult, timeZone: string): ApiBulkItemsResult => ({
  updated: result.updated.map((item) => toApiItem(item, timeZone)),
  refused: result.refused.map(({ key, title, reason }) => ({ key, title, reason })),
  unchanged: result.unchanged,
});

/**
 * updateItem's refusal of a change made on an older version as the API
 * documents it (ItemConflict): the current item (an ItemDetail the service
 * read in its transaction) in the API's shape. The changes already name each
 * field as the request did. Any other error, an archived project's CONFLICT
 * included, passes through. For `.catch()` after the call.
 */
export const apiItemConflict =
  (timeZone: string) =>
  (error: unknown): never => {
    if (!(error instanceof AppError) || error.code !== "CONFLICT" || !error.details?.current) throw error;
    const { current, changes, changedBy, changedAt } = error.details as { current: ItemDetail; changes: ApiConflictingChange[]; changedBy?: string; changedAt?: string | null };
    throw new AppError("CONFLICT", error.message, undefined, { current: toApiItem(current, timeZone), changes, changedBy, changedAt });
  };

export function toApiCheck(check: CheckView): ApiCheck {
  return {
    id: check.id,
    projectId: check.projectId,
    itemKey: check.itemKey,
    kind: check.kind,
    settings: check.settings,
    intervalMinutes: check.intervalMinutes,
    failuresBeforeFailing: check.failuresBeforeFailing,
    failingStatus: check.failingStatus,
    state: check.state,
    consecutiveFailures: check.consecutiveFailures,
    lastRunAt: check.lastRunAt,
    nextRunAt: check.nextRunAt,
    failingSince: check.failingSince,
    lastSummary: check.lastSummary,
    createdBy: check.createdByName,
    createdAt: check.createdAt,
  };
}

export const toApiCheckRun = (run: { check: CheckView; result: CheckResultView; itemStatus: ApiCheckRun["itemStatus"] }): ApiCheckRun => ({
  check: toApiCheck(run.check),
  result: run.result,
  itemStatus: run.itemStatus,
});

/** A project's check suggestions as the API answers them (the page's own fields left out). */
export const toApiCheckSuggestions = (suggestions: CheckSuggestions): ApiCheckSuggestions => ({
  projectId: suggestions.projectId,
  urls: suggestions.urls,
  proposals: suggestions.proposals.map((proposal) => ({
    id: proposal.id,
    itemKey: proposal.itemKey,
    itemTitle: proposal.itemTitle,
    category: proposal.category,
    label: proposal.label,
    kind: proposal.kind,
    settings: proposal.settings,
    target: proposal.target,
    alreadyExists: proposal.alreadyExists,
    choices: proposal.choices.map((choice) => ({ id: choice.id, settings: choice.settings, target: choice.target, alreadyExists: choice.alreadyExists })),
  })),
  missingUrls: suggestions.missingUrls,
  settingsPath: suggestions.settingsPath,
});

export const toApiAcceptedCheckSuggestions = (accepted: AcceptedChecks): ApiAcceptedCheckSuggestions => ({
  projectId: accepted.projectId,
  added: accepted.added.map(toApiCheck),
  skipped: accepted.skipped,
});

export const toApiCheckReport = (done: { report: ApiCheckReport["report"]; check: CheckView; result: CheckResultView; itemStatus: ApiCheckReport["itemStatus"] }): ApiCheckReport => ({
  report: done.report,
  ...toApiCheckRun(done),
});
