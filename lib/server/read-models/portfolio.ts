import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { emptyTally, scoreTally, type Readiness } from "@/lib/domain/readiness/score";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { sqlRows } from "@/lib/server/kernel/db";
import type { PortfolioQuery } from "@/lib/schemas/project";
import { targetOf, weightsOf } from "./project-view";
import { standingTally, talliesByGroup } from "./standing-tally";

export type PortfolioProject = {
  id: string;
  name: string;
  description: string;
  targetDate: string | null;
  daysToTarget: number | null;
  archived: boolean;
  lastActivityAt: string | null;
  // ISO 8601; with the id, the API's paging order (it never changes).
  createdAt: string;
  readiness: Readiness;
};

export type Portfolio = { projects: PortfolioProject[]; archivedCount: number; totalCount: number };

type ProjectRow = {
  id: string;
  name: string;
  description: string;
  targetDate: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  weightCritical: number;
  weightHigh: number;
  weightMedium: number;
  weightLow: number;
  lastActivityAt: Date | null;
};

function projectQuery(teamId: string) {
  return sqlRows<ProjectRow>(Prisma.sql`
    SELECT p.id, p.name, p.description, p."targetDate", p."archivedAt", p."createdAt",
           p."weightCritical", p."weightHigh", p."weightMedium", p."weightLow",
           (SELECT max(a."createdAt") FROM activity a WHERE a."teamId" = ${teamId} AND a."projectId" = p.id) AS "lastActivityAt"
    FROM project p
    WHERE p."teamId" = ${teamId}`);
}

const SORTERS: Record<PortfolioQuery["sort"], (a: PortfolioProject, b: PortfolioProject) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  readiness: (a, b) => a.readiness.percent - b.readiness.percent,
  blockers: (a, b) => a.readiness.launchBlockers - b.readiness.launchBlockers,
  effort: (a, b) => a.readiness.remainingEffortHours - b.readiness.remainingEffortHours,
  // Projects without a date sort last either way round.
  target: (a, b) => (a.targetDate ?? "9999").localeCompare(b.targetDate ?? "9999"),
  activity: (a, b) => (a.lastActivityAt ?? "").localeCompare(b.lastActivityAt ?? ""),
};

// Two statements whatever the number of projects and items.
export async function loadPortfolio(actor: Actor, query: PortfolioQuery, now = new Date()): Promise<Portfolio> {
  authorize(actor, "project.read");
  const [rows, tallies] = await Promise.all([projectQuery(actor.teamId), standingTally(actor.teamId, now, "projectId")]);
  const byProject = talliesByGroup(tallies);

  const all = rows.map(
    (row): PortfolioProject => ({
      id: row.id,
      name: row.name,
      description: row.description,
      ...targetOf(row.targetDate, now, actor.timeZone),
      archived: row.archivedAt !== null,
      lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      readiness: scoreTally(byProject.get(row.id) ?? emptyTally(), weightsOf(row)),
    }),
  );

  const needle = query.q.toLowerCase();
  const projects = all
    .filter((p) => (query.archived === "only" ? p.archived : query.archived === "include" ? true : !p.archived))
    .filter((p) => query.level === "any" || p.readiness.level === Number(query.level))
    .filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle))
    .sort((a, b) => {
      const order = SORTERS[query.sort](a, b) || a.name.localeCompare(b.name);
      return query.dir === "asc" ? order : -order;
    });
  return { projects, archivedCount: all.filter((p) => p.archived).length, totalCount: all.length };
}
