// The words of readiness: statuses, priorities, standings and their glyphs.
export const ITEM_STATUSES = ["MISSING", "PARTIAL", "DONE", "NOT_APPLICABLE"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Priority = (typeof PRIORITIES)[number];

// What an item counts as once waivers and expired evidence are considered.
// WAIVED and STALE are never stored: they are derived (see standing.ts).
export const STANDINGS = ["MISSING", "PARTIAL", "STALE", "WAIVED", "DONE", "NOT_APPLICABLE"] as const;
export type Standing = (typeof STANDINGS)[number];

export type Weights = Record<Priority, number>;
export const DEFAULT_WEIGHTS: Weights = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

export const EVIDENCE_POLICIES = ["NONE", "CRITICAL", "CRITICAL_AND_HIGH", "ALL"] as const;
export type EvidencePolicy = (typeof EVIDENCE_POLICIES)[number];

export const EVIDENCE_KINDS = ["LINK", "PULL_REQUEST", "CI_RUN", "DOCUMENT", "FILE_PATH", "NOTE", "CHECK_RESULT"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const STATUS_LABEL: Record<ItemStatus, string> = {
  MISSING: "Missing",
  PARTIAL: "Partial",
  DONE: "Done",
  NOT_APPLICABLE: "N/A",
};

export const STANDING_LABEL: Record<Standing, string> = {
  MISSING: "Missing",
  PARTIAL: "Partial",
  STALE: "Stale",
  WAIVED: "Waived",
  DONE: "Done",
  NOT_APPLICABLE: "N/A",
};

export const STATUS_GLYPH: Record<ItemStatus, string> = { MISSING: "○", PARTIAL: "◐", DONE: "●", NOT_APPLICABLE: "–" };

export const STANDING_GLYPH: Record<Standing, string> = {
  DONE: "●",
  WAIVED: "◆",
  STALE: "◐",
  PARTIAL: "◐",
  MISSING: "○",
  NOT_APPLICABLE: "–",
};

export const PRIORITY_LABEL: Record<Priority, string> = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

// The words teams use in their own checklists (MUST / SHOULD / NICE).
export const PRIORITY_MEANING: Record<Priority, string> = {
  CRITICAL: "Must fix before launch",
  HIGH: "Should fix before launch",
  MEDIUM: "Nice to have, can follow launch",
  LOW: "Later",
};

export const EVIDENCE_POLICY_LABEL: Record<EvidencePolicy, string> = {
  NONE: "Never required",
  CRITICAL: "Critical items",
  CRITICAL_AND_HIGH: "Critical and high items",
  ALL: "Every item",
};

export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  LINK: "Link",
  PULL_REQUEST: "Pull request",
  CI_RUN: "CI run",
  DOCUMENT: "Document",
  FILE_PATH: "File in repository",
  NOTE: "Note",
  CHECK_RESULT: "Check result",
};

// Does the project's policy ask for evidence before this item may be done?
export function evidenceRequired(policy: EvidencePolicy, priority: Priority): boolean {
  switch (policy) {
    case "NONE":
      return false;
    case "CRITICAL":
      return priority === "CRITICAL";
    case "CRITICAL_AND_HIGH":
      return priority === "CRITICAL" || priority === "HIGH";
    case "ALL":
      return true;
  }
}
