import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { addToTally, emptyTally, type Tally } from "@/lib/domain/readiness/score";
import type { PriorityGroup, Standing } from "@/lib/domain/readiness/vocabulary";
import { sqlRows } from "@/lib/server/kernel/db";

export type TallyRow = { groupId: string; priority: PriorityGroup; standing: Standing; count: number; effort: number; unestimated: number };

// Counts a team's items by group (project or category), priority and
// standing in one statement. The CASE classifies every item exactly as
// lib/domain/readiness/standing.ts does (standingOf);
// tests/integration/read-models.test.ts checks that both agree.
// The tally as SQL, to run alone or inside a larger statement.
export function standingTallySql(teamId: string, now: Date, by: "projectId" | "categoryId", projectId?: string): Prisma.Sql {
  const group = Prisma.raw(`i."${by}"`);
  return Prisma.sql`
    SELECT ${group} AS "groupId", coalesce(i.priority::text, 'UNTRIAGED') AS priority, s.standing,
           count(*)::int AS count, coalesce(sum(i."effortHours"), 0)::float8 AS effort,
           (count(*) FILTER (WHERE i."effortHours" IS NULL))::int AS unestimated
    ${itemStandingsFromSql(teamId, now, projectId)}
    GROUP BY ${group}, i.priority, s.standing`;
}

/**
 * The ids of a project's launch blockers at `now`, sorted, as a JSON array
 * (one column, for a larger statement): applicable critical items that are
 * neither done nor validly waived, judged as the tally judges them.
 */
export function launchBlockerIdsSql(teamId: string, now: Date, projectId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(json_agg(i.id ORDER BY i.id), '[]'::json)
    ${itemStandingsFromSql(teamId, now, projectId, Prisma.sql`AND i.priority = 'CRITICAL'`)}
      AND s.standing NOT IN ('DONE', 'WAIVED', 'NOT_APPLICABLE')`;
}

// Every item of the team (of one project, and `also`) with its standing `s.standing`:
// the FROM and WHERE of the statements above.
function itemStandingsFromSql(teamId: string, now: Date, projectId?: string, also: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    FROM item i
    JOIN project p ON p.id = i."projectId" AND p."teamId" = ${teamId}
    LEFT JOIN LATERAL (
      SELECT count(*) AS pieces,
             count(*) FILTER (WHERE e."expiresAt" IS NULL OR e."expiresAt" > ${now}) AS current
      FROM evidence e WHERE e."itemId" = i.id AND e."teamId" = ${teamId}
    ) ev ON true
    LEFT JOIN LATERAL (
      SELECT EXISTS (
        SELECT 1 FROM waiver w
        WHERE w."itemId" = i.id AND w."teamId" = ${teamId} AND w.status = 'APPROVED' AND w."expiresAt" > ${now}
      ) AS waived
    ) wv ON true
    LEFT JOIN LATERAL (
      -- standing.ts pendingCheck: a check that has given no verdict yet.
      SELECT EXISTS (
        SELECT 1 FROM item_check c
        WHERE c."itemId" = i.id AND c."teamId" = ${teamId} AND c.state = 'PENDING'
      ) AS pending
    ) ck ON true
    CROSS JOIN LATERAL (
      -- vocabulary.ts evidenceRequired: an item without a priority needs evidence only under ALL.
      SELECT coalesce(CASE p."evidencePolicy"
        WHEN 'ALL' THEN true
        WHEN 'CRITICAL' THEN i.priority = 'CRITICAL'
        WHEN 'CRITICAL_AND_HIGH' THEN i.priority IN ('CRITICAL', 'HIGH')
        ELSE false
      END, false) AS required
    ) rq
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN i.status = 'NOT_APPLICABLE' THEN 'NOT_APPLICABLE'
        WHEN ck.pending AND wv.waived THEN 'WAIVED'
        WHEN ck.pending THEN 'NOT_EVALUATED'
        WHEN i.status = 'DONE' AND (ev.current > 0 OR (ev.pieces = 0 AND NOT rq.required)) THEN 'DONE'
        WHEN wv.waived THEN 'WAIVED'
        WHEN i.status = 'DONE' AND ev.pieces > 0 THEN 'STALE'
        WHEN i.status = 'DONE' THEN 'NEEDS_EVIDENCE'
        ELSE i.status::text
      END AS standing
    ) s
    WHERE i."teamId" = ${teamId} ${projectId ? Prisma.sql`AND i."projectId" = ${projectId}` : Prisma.empty} ${also}`;
}

export const standingTally = (teamId: string, now: Date, by: "projectId" | "categoryId", projectId?: string) =>
  sqlRows<TallyRow>(standingTallySql(teamId, now, by, projectId));

export function talliesByGroup(rows: readonly TallyRow[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const row of rows) tallies.set(row.groupId, addToTally(tallies.get(row.groupId) ?? emptyTally(), row.priority, row.standing, row.count, row.effort, row.unestimated));
  return tallies;
}
