import "server-only";
import { dayIn } from "@/lib/domain/readiness/dates";
import type { EvidenceKind } from "@/lib/domain/readiness/vocabulary";

// What the client sees of a piece of evidence. Built from evidenceViewQuery.
export type EvidenceView = {
  id: string;
  kind: EvidenceKind;
  url: string | null;
  path: string | null;
  label: string;
  expiresAt: string | null;
  // The "re-verify by" day in the team's zone: the evidence expires as that day starts.
  expiresOn: string | null;
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

/** The evidence as clients see it; `timeZone` is its team's, for its "re-verify by" day. */
export function toEvidenceView(row: EvidenceRow, now: Date, timeZone: string): EvidenceView {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    path: row.path,
    label: row.label,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expiresOn: row.expiresAt ? dayIn(row.expiresAt, timeZone) : null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
    addedByName: row.addedBy?.name ?? row.addedByLabel ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
