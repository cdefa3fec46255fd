// The words of readiness: statuses, priorities, standings and their glyphs.
export const ITEM_STATUSES = ["MISSING", "PARTIAL", "DONE", "NOT_APPLICABLE"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Priority = (typeof PRIORITIES)[number];
// An item's priority, or null while nobody has weighed it yet ("needs
// triage"): imported rows whose document stated no priority.
export type ItemPriority = Priority | null;
// Priorities as scoring groups them: the four, plus items that need triage.
export const PRIORITY_GROUPS = [...PRIORITIES, "UNTRIAGED"] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];
export const priorityGroupOf = (priority: ItemPriority): PriorityGroup => priority ?? "UNTRIAGED";

// What an item counts as once waivers, expired evidence, the evidence
// policy and automated checks are considered. WAIVED, STALE, NEEDS_EVIDENCE
// and NOT_EVALUATED are never stored: they are derived (see standing.ts).
export const STANDINGS = ["MISSING", "NOT_EVALUATED", "PARTIAL", "NEEDS_EVIDENCE", "STALE", "WAIVED", "DONE", "NOT_APPLICABLE"] as const;
export type Standing = (typeof STANDINGS)[number];

export type Weights = Record<Priority, number>;
export const DEFAULT_WEIGHTS: Weights = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
// Items that need triage weigh what a medium item weighs (DESIGN.md).
export const weightOf = (weights: Weights, group: PriorityGroup) => weights[group === "UNTRIAGED" ? "MEDIUM" : group];

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
  NOT_EVALUATED: "Not evaluated yet",
  PARTIAL: "Partial",
  NEEDS_EVIDENCE: "Needs evidence",
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
  NEEDS_EVIDENCE: "◐",
  PARTIAL: "◐",
  MISSING: "○",
  // Counts as missing until its check's first verdict; the label tells them apart.
  NOT_EVALUATED: "○",
  NOT_APPLICABLE: "–",
};

export const PRIORITY_LABEL: Record<Priority, string> = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low" };
export const NEEDS_TRIAGE_LABEL = "Needs triage";
export const PRIORITY_GROUP_LABEL: Record<PriorityGroup, string> = { ...PRIORITY_LABEL, UNTRIAGED: NEEDS_TRIAGE_LABEL };
export const priorityLabel = (priority: ItemPriority) => PRIORITY_GROUP_LABEL[priorityGroupOf(priority)];

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
// An item nobody has prioritised yet needs it only when every item does: its
// priority is unknown, and triage that raises it applies the policy then.
export function evidenceRequired(policy: EvidencePolicy, priority: ItemPriority): boolean {
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
