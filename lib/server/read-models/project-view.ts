import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { daysUntil, isoDay } from "@/lib/domain/readiness/dates";
import type { EvidencePolicy, Weights } from "@/lib/domain/readiness/vocabulary";

export type ProjectView = {
  id: string;
  name: string;
  description: string;
  productionUrl: string | null;
  repositoryUrl: string | null;
  targetDate: string | null;
  daysToTarget: number | null;
  archived: boolean;
  evidencePolicy: EvidencePolicy;
  weights: Weights;
  template: string | null;
  createdAt: string;
};

export const projectViewSelect = {
  id: true,
  name: true,
  description: true,
  productionUrl: true,
  repositoryUrl: true,
  targetDate: true,
  archivedAt: true,
  evidencePolicy: true,
  weightCritical: true,
  weightHigh: true,
  weightMedium: true,
  weightLow: true,
  templateKey: true,
  templateVersion: true,
  createdAt: true,
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectViewSelect }>;

export const weightsOf = (row: Pick<ProjectRow, "weightCritical" | "weightHigh" | "weightMedium" | "weightLow">): Weights => ({
  CRITICAL: row.weightCritical,
  HIGH: row.weightHigh,
  MEDIUM: row.weightMedium,
  LOW: row.weightLow,
});

// The target launch day and how far away it is from today in the team's zone.
export function targetOf(date: Date | null, now: Date, timeZone: string): { targetDate: string | null; daysToTarget: number | null } {
  const targetDate = date ? isoDay(date) : null;
  return { targetDate, daysToTarget: targetDate ? daysUntil(targetDate, now, timeZone) : null };
}

/** The project as clients see it; `timeZone` is its team's, for the days to its target launch. */
export function toProjectView(row: ProjectRow, now: Date, timeZone: string): ProjectView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    productionUrl: row.productionUrl,
    repositoryUrl: row.repositoryUrl,
    ...targetOf(row.targetDate, now, timeZone),
    archived: row.archivedAt !== null,
    evidencePolicy: row.evidencePolicy,
    weights: weightsOf(row),
    template: row.templateKey ? `${row.templateKey} v${row.templateVersion}` : null,
    createdAt: row.createdAt.toISOString(),
  };
}
