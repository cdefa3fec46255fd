import "server-only";
import type { EvidenceKind } from "@/lib/domain/readiness/vocabulary";

// What the client sees of a piece of evidence. Built from evidenceViewQuery.
export type EvidenceView = {
  id: string;
  kind: EvidenceKind;
  url: string | null;
  path: string | null;
  label: string;
  expiresAt: string | null;
  expired: boolean;
  addedByName: string | null;
  createdAt: string;
};

export const evidenceViewQuery = {
  orderBy: { createdAt: "desc" },
  select: { id: true, kind: true, url: true, path: true, label: true, expiresAt: true, createdAt: true, addedByLabel: true, addedBy: { select: { name: true } } },
} as const;

type EvidenceRow = {
  id: string;
  kind: EvidenceKind;
  url: string | null;
  path: string | null;
  label: string;
  expiresAt: Date | null;
  createdAt: Date;
  addedByLabel: string | null;
  addedBy: { name: string } | null;
};

export function toEvidenceView(row: EvidenceRow, now: Date): EvidenceView {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    path: row.path,
    label: row.label,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
    addedByName: row.addedBy?.name ?? row.addedByLabel ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
