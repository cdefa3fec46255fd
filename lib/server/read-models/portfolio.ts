import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { addToTally, emptyTally, scoreTally, type Readiness, type Tally } from "@/lib/domain/readiness/score";
import type { Priority, Standing } from "@/lib/domain/readiness/vocabulary";
import { authorize, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import type { PortfolioQuery } from "@/lib/schemas/project";
import { targetOf, weightsOf } from "./project-view";

export type PortfolioProject = {
  id: string;
  name: string;
  description: string;
  targetDate: string | null;
  daysToTarget: number | null;
  archived: boolean;
  lastActivityAt: string | null;
  readiness: Readiness;
};

export type Portfolio = { projects: PortfolioProject[]; archivedCount: number; totalCount: number };

type ProjectRow = {
  id: string;
  name: string;
  description: string;
  targetDate: Date | null;
  archivedAt: Date | null;
  weightCritical: number;
  weightHigh: number;
  weightMedium: number;
  weightLow: number;
  lastActivityAt: Date | null;
};

type TallyRow = { projectId: string; priority: Priority; standing: Standing; count: number; effort: number };

// Classifies every item exactly as lib/domain/readiness/standing.ts does
// (standingOf), so the database can tally all projects in one statement.
// tests/integration/portfolio.test.ts checks both agree.
function tallyQuery(teamId: string, now: Date) {
  return db.$queryRaw<TallyRow[]>(Prisma.sql`
    SELECT i."projectId", i.priority::text AS priority, s.standing,
           count(*)::int AS count, coalesce(sum(i."effortHours"), 0)::float8 AS effort
    FROM item i
    LEFT JOIN LATERAL (
      SELECT count(*) AS pieces,
             count(*) FILTER (WHERE e."expiresAt" IS NOT NULL AND e."expiresAt" <= ${now}) AS expired
      FROM evidence e WHERE e."itemId" = i.id AND e."teamId" = ${teamId}
    ) ev ON true
    LEFT JOIN LATERAL (
      SELECT EXISTS (
        SELECT 1 FROM waiver w
        WHERE w."itemId" = i.id AND w."teamId" = ${teamId} AND w.status = 'APPROVED' AND w."expiresAt" > ${now}
      ) AS waived
    ) wv ON true
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN i.status = 'NOT_APPLICABLE' THEN 'NOT_APPLICABLE'
        WHEN i.status = 'DONE' AND NOT (ev.pieces > 0 AND ev.expired = ev.pieces) THEN 'DONE'
        WHEN wv.waived THEN 'WAIVED'
        WHEN i.status = 'DONE' THEN 'STALE'
        ELSE i.status::text
      END AS standing
    ) s
    WHERE i."teamId" = ${teamId}
    GROUP BY i."projectId", i.priority, s.standing`);
}

function projectQuery(teamId: string) {
  return db.$queryRaw<ProjectRow[]>(Prisma.sql`
    SELECT p.id, p.name, p.description, p."targetDate", p."archivedAt",
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
  const [rows, tallies] = await Promise.all([projectQuery(actor.teamId), tallyQuery(actor.teamId, now)]);

  const byProject = new Map<string, Tally>();
  for (const row of tallies) {
    const tally = byProject.get(row.projectId) ?? emptyTally();
    byProject.set(row.projectId, addToTally(tally, row.priority, row.standing, row.count, row.effort));
  }

  const all = rows.map(
    (row): PortfolioProject => ({
      id: row.id,
      name: row.name,
      description: row.description,
      ...targetOf(row.targetDate, now),
      archived: row.archivedAt !== null,
      lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
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
