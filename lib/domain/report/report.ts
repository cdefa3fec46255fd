// A project's status report: everything the report page and every export
// show, computed once (lib/server/read-models/project-report.ts) with the one
// scoring module, so the page, Markdown, CSV and JSON can never disagree.
// This is also the JSON export's schema; REPORT_SCHEMA names its version.
import type { Forecast } from "@/lib/domain/history/forecast";
import type { StateComparison } from "@/lib/domain/history/milestone-state";
import type { MatrixGlyph } from "@/lib/domain/readiness/matrix";
import type { LevelNumber } from "@/lib/domain/readiness/score";
import type { EvidenceKind, EvidencePolicy, ItemPriority, ItemStatus, PriorityGroup, Standing } from "@/lib/domain/readiness/vocabulary";

export const REPORT_SCHEMA = "shipshape.report/v1";

export type ReportEvidence = {
  kind: EvidenceKind;
  label: string;
  url: string | null;
  path: string | null;
  expiresAt: string | null;
  // The "re-verify by" day in the report's time zone; the evidence expires as it starts.
  expiresOn: string | null;
  expired: boolean;
};

export type ReportWaiver = {
  status: "PENDING" | "APPROVED";
  reason: string;
  expiresAt: string;
  // The day it was asked or granted until, in the report's time zone.
  expiresOn: string;
  requestedBy: string | null;
  approvedBy: string | null;
};

export type ReportItem = {
  key: string;
  title: string;
  category: string;
  // null: needs triage.
  priority: ItemPriority;
  status: ItemStatus;
  standing: Standing;
  owner: string | null;
  dueDate: string | null;
  overdue: boolean;
  effortHours: number | null;
  notApplicableReason: string | null;
  evidence: ReportEvidence[];
  waiver: ReportWaiver | null;
};

type ReportCategory = {
  name: string;
  percent: number;
  glyph: MatrixGlyph;
  counts: Record<Standing, number>;
  applicable: number;
  items: ReportItem[];
};

export type ProjectReport = {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  // The team's IANA time zone: "today", "overdue", days to target, the
  // forecast date and every day derived from an instant are judged in it.
  timeZone: string;
  project: {
    id: string;
    name: string;
    description: string;
    productionUrl: string | null;
    repositoryUrl: string | null;
    targetDate: string | null;
    daysToTarget: number | null;
    archived: boolean;
    evidencePolicy: EvidencePolicy;
    template: string | null;
  };
  summary: {
    readinessPercent: number;
    level: LevelNumber;
    levelName: string;
    // The items the next level waits for: open ones of its priorities, and
    // needsTriage items to weigh first.
    nextLevel: { level: LevelNumber; name: string; outstanding: number; needsTriage: number; items: { key: string; title: string; priority: ItemPriority; owner: string | null }[] } | null;
    launchBlockers: number;
    // Applicable items without a priority; while any, the level is at most 1.
    needsTriage: number;
    // A lower bound while unestimatedItems > 0.
    remainingEffortHours: number;
    openItems: number;
    unestimatedItems: number;
    total: number;
    applicable: number;
    counts: Record<Standing, number>;
  };
  blockers: ReportItem[];
  categories: ReportCategory[];
  waivers: (ReportWaiver & { key: string; title: string })[];
  staleEvidence: (ReportEvidence & { key: string; title: string })[];
  // When the remaining effort reaches zero at the recent pace (history).
  forecast: Forecast;
  // What changed since the project's latest milestone, if it has one.
  sinceMilestone: StateComparison | null;
};

// MUST / SHOULD / NICE, as readiness documents say it.
export const PRIORITY_WORD: Record<PriorityGroup, string> = { CRITICAL: "MUST", HIGH: "SHOULD", MEDIUM: "NICE", LOW: "LATER", UNTRIAGED: "TRIAGE" };

export const allItems = (report: ProjectReport) => report.categories.flatMap((category) => category.items);
