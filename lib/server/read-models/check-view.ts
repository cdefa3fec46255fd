import "server-only";
import type { CheckState, FailingStatus } from "@/lib/domain/checks/verdict";
import type { CheckKind, CheckSettings } from "@/lib/schemas/check-settings";

// What clients see of an automated check and of one of its results. Built
// from checkViewSelect / checkResultViewSelect; never the raw rows.

export type CheckView = {
  id: string;
  projectId: string;
  itemId: string;
  itemKey: string;
  itemTitle: string;
  kind: CheckKind;
  settings: CheckSettings;
  intervalMinutes: number;
  failuresBeforeFailing: number;
  failingStatus: FailingStatus;
  /** PENDING until the first pass or the first fall to failing: "not evaluated yet". */
  state: CheckState;
  consecutiveFailures: number;
  lastRunAt: string | null;
  nextRunAt: string | null;
  /** The first failure of the current run of failures; null after a pass. */
  failingSince: string | null;
  lastSummary: string | null;
  createdByName: string | null;
  createdAt: string;
};

export type CheckResultView = {
  id: string;
  passed: boolean;
  summary: string;
  details: Record<string, unknown>;
  durationMs: number;
  ranAt: string;
};

export const checkViewSelect = {
  id: true,
  projectId: true,
  itemId: true,
  item: { select: { key: true, title: true } },
  kind: true,
  settings: true,
  intervalMinutes: true,
  failuresBeforeFailing: true,
  failingStatus: true,
  state: true,
  consecutiveFailures: true,
  lastRunAt: true,
  nextRunAt: true,
  failingSince: true,
  lastSummary: true,
  createdByLabel: true,
  createdBy: { select: { name: true } },
  createdAt: true,
} as const;

type CheckRow = {
  id: string;
  projectId: string;
  itemId: string;
  item: { key: string; title: string };
  settings: unknown;
  intervalMinutes: number;
  failuresBeforeFailing: number;
  failingStatus: string;
  state: CheckState;
  consecutiveFailures: number;
  lastRunAt: Date | null;
  nextRunAt: Date | null;
  failingSince: Date | null;
  lastSummary: string | null;
  createdByLabel: string | null;
  createdBy: { name: string } | null;
  createdAt: Date;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The check as clients see it. Its settings were parsed before they were stored. */
export function toCheckView(row: CheckRow): CheckView {
  const settings = row.settings as CheckSettings;
  return {
    id: row.id,
    projectId: row.projectId,
    itemId: row.itemId,
    itemKey: row.item.key,
    itemTitle: row.item.title,
    kind: settings.kind,
    settings,
    intervalMinutes: row.intervalMinutes,
    failuresBeforeFailing: row.failuresBeforeFailing,
    failingStatus: row.failingStatus as FailingStatus,
    state: row.state,
    consecutiveFailures: row.consecutiveFailures,
    lastRunAt: iso(row.lastRunAt),
    nextRunAt: iso(row.nextRunAt),
    failingSince: iso(row.failingSince),
    lastSummary: row.lastSummary,
    createdByName: row.createdBy?.name ?? row.createdByLabel ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export const checkResultViewSelect = { id: true, passed: true, summary: true, details: true, durationMs: true, ranAt: true } as const;

type CheckResultRow = { id: string; passed: boolean; summary: string; details: unknown; durationMs: number; ranAt: Date };

/** One result as clients see it. */
export const toCheckResultView = (row: CheckResultRow): CheckResultView => ({
  id: row.id,
  passed: row.passed,
  summary: row.summary,
  details: (row.details ?? {}) as Record<string, unknown>,
  durationMs: row.durationMs,
  ranAt: row.ranAt.toISOString(),
});
