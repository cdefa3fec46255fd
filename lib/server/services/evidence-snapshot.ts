import "server-only";
import { EVIDENCE_KINDS, ITEM_STATUSES, type EvidenceKind, type ItemStatus } from "@/lib/domain/readiness/vocabulary";

// A removed piece of evidence as its removal's activity record keeps it
// (`before`): everything needed to put the same evidence back (docs/adr/
// 0035-evidence-undo.md), plus the item's status and version then.

type EvidenceRow = {
  id: string;
  kind: EvidenceKind;
  label: string;
  url: string | null;
  path: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  addedById: string | null;
  addedByLabel: string | null;
  checkId: string | null;
};

/** What the removal record keeps of the evidence (JSON; instants as ISO strings). */
export function removedEvidence(row: EvidenceRow) {
  return {
    kind: row.kind,
    label: row.label,
    url: row.url,
    path: row.path,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    addedById: row.addedById,
    addedByLabel: row.addedByLabel,
    checkId: row.checkId,
  };
}

export type RemovedEvidence = Omit<EvidenceRow, "id"> & { statusBefore: ItemStatus | null; statusAfter: ItemStatus | null; versionAfter: number | null };

const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);
const statusOf = (value: unknown) => ((ITEM_STATUSES as readonly unknown[]).includes(value) ? (value as ItemStatus) : null);
const instant = (value: unknown) => {
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/**
 * The evidence a removal record describes, or null when the record does not
 * hold all of it (removals recorded before records kept everything).
 */
export function readRemovedEvidence(before: unknown, after: unknown): RemovedEvidence | null {
  if (!before || typeof before !== "object") return null;
  const b = before as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const createdAt = instant(b.createdAt);
  if (!(EVIDENCE_KINDS as readonly unknown[]).includes(b.kind) || typeof b.label !== "string" || !createdAt) return null;
  if (b.expiresAt !== null && !instant(b.expiresAt)) return null;
  return {
    kind: b.kind as EvidenceKind,
    label: b.label,
    url: stringOrNull(b.url),
    path: stringOrNull(b.path),
    expiresAt: instant(b.expiresAt),
    createdAt,
    addedById: stringOrNull(b.addedById),
    addedByLabel: stringOrNull(b.addedByLabel),
    checkId: stringOrNull(b.checkId),
    statusBefore: statusOf(b.status),
    statusAfter: statusOf(a.status),
    versionAfter: typeof a.version === "number" ? a.version : null,
  };
}
