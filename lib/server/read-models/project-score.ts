import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { glyphFor, type MatrixRow } from "@/lib/domain/readiness/matrix";
import { addToTally, emptyTally, scoreTally, type Readiness, type Tally } from "@/lib/domain/readiness/score";
import { PRIORITY_GROUPS, STANDINGS } from "@/lib/domain/readiness/vocabulary";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { sqlRows } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { toProjectView, type ProjectView } from "./project-view";
import { standingTallySql, talliesByGroup, type TallyRow } from "./standing-tally";

// timeZone: the team's, in which the project's days (days to target) are judged.
export type ProjectScore = { project: ProjectView; readiness: Readiness; matrix: MatrixRow[]; timeZone: string };

export type ProjectScoreRow = Parameters<typeof toProjectView>[0] & { categories: { id: string; name: string }[]; tally: TallyRow[] };

function sum(tallies: Iterable<Tally>): Tally {
  let total = emptyTally();
  for (const tally of tallies) {
    for (const group of PRIORITY_GROUPS) {
      for (const standing of STANDINGS) {
        const cell = tally[group][standing];
        if (cell.count > 0) total = addToTally(total, group, standing, cell.count, cell.effortHours, cell.unestimated);
      }
    }
  }
  return total;
}

// The project, its categories, and the tally of its items per category,
// priority and standing, as one statement. Run through the pool by the API's
// read below, and inside a transaction by the readiness history.
export function projectScoreSql(teamId: string, projectId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH tally AS (${standingTallySql(teamId, now, "categoryId", projectId)})
    SELECT p.id, p.name, p.description, p."productionUrl", p."repositoryUrl", p."targetDate", p."archivedAt",
           p."evidencePolicy"::text AS "evidencePolicy", p."weightCritical", p."weightHigh", p."weightMedium", p."weightLow",
           p."templateKey", p."templateVersion", p."createdAt",
           coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.position)
                     FROM category c WHERE c."projectId" = p.id AND c."teamId" = ${teamId}), '[]'::json) AS categories,
           coalesce((SELECT json_agg(tally) FROM tally), '[]'::json) AS tally
    FROM project p
    WHERE p.id = ${projectId} AND p."teamId" = ${teamId}`;
}

// Scores a row of projectScoreSql with the same scoreTally as everything else;
// `timeZone` is the team's, for the days to the target launch.
export function scoreProjectRow(row: ProjectScoreRow, now: Date, timeZone: string): ProjectScore {
  const project = toProjectView(row, now, timeZone);
  const byCategory = talliesByGroup(row.tally);
  return {
    project,
    timeZone,
    readiness: scoreTally(sum(byCategory.values()), project.weights),
    matrix: row.categories.map((category) => {
      const score = scoreTally(byCategory.get(category.id) ?? emptyTally(), project.weights);
      return { categoryId: category.id, name: category.name, counts: score.counts, applicable: score.applicable, percent: score.percent, glyph: glyphFor(score.counts, score.applicable) };
    }),
  };
}

/**
 * The project's score through `client`: a service's transaction, which sees
 * its own writes. Null when the actor's team has no such project.
 */
export async function projectScoreIn(client: Prisma.TransactionClient, actor: Actor, projectId: string, now = new Date()): Promise<ProjectScore | null> {
  const row = (await client.$queryRaw<ProjectScoreRow[]>(projectScoreSql(actor.teamId, projectId, now)))[0];
  return row ? scoreProjectRow(row, now, actor.timeZone) : null;
}

// A project's readiness and matrix without reading its items, in one
// statement. The REST API's project read, which scripts may call often, and
// a share link's badge: the headline of the project's report, so it is
// allowed as the report is.
export async function loadProjectScore(actor: Actor, projectId: string, now = new Date()): Promise<ProjectScore> {
  authorize(actor, "report.read", { projectId });
  const row = (await sqlRows<ProjectScoreRow>(projectScoreSql(actor.teamId, projectId, now)))[0];
  if (!row) throw notFound("Project");
  return scoreProjectRow(row, now, actor.timeZone);
}
