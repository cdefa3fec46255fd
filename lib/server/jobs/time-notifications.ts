import "server-only";
import { Prisma } from "@/generated/prisma/client";
import {
  DUE_SOON_DAYS,
  EXPIRING_DAYS,
  LOOKBACK_DAYS,
  dueFinding,
  evidenceFinding,
  foldFindings,
  waiverFinding,
  type Finding,
  type FindingItem,
} from "@/lib/domain/notifications/time-rules";
import type { ItemStatus } from "@/lib/domain/readiness/vocabulary";
import { systemActor } from "@/lib/server/access/system";
import { db } from "@/lib/server/kernel/db";
import { observeJob, type JobProgress } from "@/lib/server/kernel/metrics";
import { claimEvents, writeInbox } from "@/lib/server/notifications/outbox";
import { recordReadinessAfterLapse } from "@/lib/server/services/snapshots";

// What the passing of time brings (lib/domain/notifications/time-rules.ts),
// found across every team by a few statements per run, and told once:
// - one statement per rule (items with due dates, evidence, waivers) over
//   all teams, judging days in each team's zone in SQL as the rules do, and
//   leaving out what is already recorded (the outbox's (team, dedupeKey)
//   index) and archived projects; each returns at most BATCH rows, so a run
//   is bounded and the next run takes up what is left;
// - then per team with findings one transaction: the events in one insert
//   (a key another run recorded first is skipped, so several instances may
//   run at once), the fold of what is new into one entry per person and
//   item, and the entries in one insert.

/** Most rows a rule reads per run. */
export const BATCH = 1000;

type TeamRow = { teamId: string; timeZone: string };
type ItemCols = { itemId: string; itemKey: string; itemTitle: string; projectId: string; projectName: string; status: ItemStatus; ownerId: string | null };

const itemOf = (row: ItemCols): FindingItem & { status: ItemStatus; ownerId: string | null } => ({
  id: row.itemId,
  key: row.itemKey,
  title: row.itemTitle,
  projectId: row.projectId,
  projectName: row.projectName,
  status: row.status,
  ownerId: row.ownerId,
});

// Today in the team's zone, and an instant's day there, as PostgreSQL reads them.
const today = (now: Date) => Prisma.sql`(${now}::timestamptz AT TIME ZONE t."timeZone")::date`;
const dayOf = (column: Prisma.Sql) => Prisma.sql`(${column} AT TIME ZONE t."timeZone")::date`;
const isoInstant = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const recorded = (key: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM notification_event n WHERE n."teamId" = i."teamId" AND n."dedupeKey" = ${key})`;

const itemColumns = Prisma.sql`i."teamId", t."timeZone", i.id AS "itemId", i.key AS "itemKey", i.title AS "itemTitle", i."projectId",
  p.name AS "projectName", i.status::text AS status, i."ownerId"`;
const itemJoins = Prisma.sql`JOIN project p ON p.id = i."projectId" AND p."teamId" = i."teamId" AND p."archivedAt" IS NULL
  JOIN team t ON t.id = i."teamId"`;

type DueRow = TeamRow & ItemCols & { dueDate: string; waived: boolean };

function dueItems(now: Date): Promise<DueRow[]> {
  const dueDay = Prisma.sql`to_char(i."dueDate", 'YYYY-MM-DD')`;
  // The constant bounds (a day wider than any zone) let the scan stay near the due dates that matter.
  const utcToday = now.toISOString().slice(0, 10);
  return db.$queryRaw<DueRow[]>`
    SELECT ${itemColumns}, ${dueDay} AS "dueDate",
      EXISTS (SELECT 1 FROM waiver w WHERE w."itemId" = i.id AND w."teamId" = i."teamId" AND w.status = 'APPROVED' AND w."expiresAt" > ${now}) AS waived
    FROM item i ${itemJoins}
    WHERE i."dueDate" IS NOT NULL AND i."ownerId" IS NOT NULL AND i.status IN ('MISSING', 'PARTIAL')
      AND i."dueDate" BETWEEN ${utcToday}::date - ${LOOKBACK_DAYS + 1}::int AND ${utcToday}::date + ${DUE_SOON_DAYS + 1}::int
      AND i."dueDate" BETWEEN ${today(now)} - ${LOOKBACK_DAYS}::int AND ${today(now)} + ${DUE_SOON_DAYS}::int
      AND NOT EXISTS (SELECT 1 FROM waiver w WHERE w."itemId" = i.id AND w."teamId" = i."teamId" AND w.status = 'APPROVED' AND w."expiresAt" > ${now})
      AND NOT ${recorded(Prisma.sql`CASE WHEN i."dueDate" < ${today(now)} THEN 'overdue:' ELSE 'due-soon:' END || i.id || ':' || ${dueDay}`)}
    ORDER BY i."dueDate", i.id
    LIMIT ${BATCH}`;
}

type EvidenceRow = TeamRow & ItemCols & { id: string; label: string; expiresAt: Date; addedById: string | null; itemStale: boolean };

function expiringEvidence(now: Date): Promise<EvidenceRow[]> {
  const day = 86_400_000;
  return db.$queryRaw<EvidenceRow[]>`
    SELECT ${itemColumns}, e.id, e.label, e."expiresAt", e."addedById",
      NOT EXISTS (SELECT 1 FROM evidence o WHERE o."itemId" = i.id AND o."teamId" = i."teamId" AND (o."expiresAt" IS NULL OR o."expiresAt" > ${now})) AS "itemStale"
    FROM evidence e JOIN item i ON i.id = e."itemId" AND i."teamId" = e."teamId" ${itemJoins}
    WHERE e."expiresAt" IS NOT NULL
      -- A check's result is replaced by every run: the check's own notifications tell of it.
      AND e.kind <> 'CHECK_RESULT'
      AND i.status <> 'NOT_APPLICABLE' AND (e."addedById" IS NOT NULL OR i."ownerId" IS NOT NULL)
      AND e."expiresAt" BETWEEN ${new Date(now.getTime() - (LOOKBACK_DAYS + 2) * day)} AND ${new Date(now.getTime() + (EXPIRING_DAYS + 2) * day)}
      AND (
        (e."expiresAt" > ${now} AND ${dayOf(Prisma.sql`e."expiresAt"`)} <= ${today(now)} + ${EXPIRING_DAYS}::int
          AND NOT ${recorded(Prisma.sql`'evidence-expiring:' || e.id || ':' || ${isoInstant(Prisma.sql`e."expiresAt"`)}`)})
        OR
        (e."expiresAt" <= ${now} AND ${dayOf(Prisma.sql`e."expiresAt"`)} >= ${today(now)} - ${LOOKBACK_DAYS}::int AND i.status = 'DONE'
          AND NOT EXISTS (SELECT 1 FROM evidence o WHERE o."itemId" = i.id AND o."teamId" = i."teamId" AND (o."expiresAt" IS NULL OR o."expiresAt" > ${now}))
          AND NOT ${recorded(Prisma.sql`'evidence-expired:' || e.id || ':' || ${isoInstant(Prisma.sql`e."expiresAt"`)}`)})
      )
    ORDER BY e."expiresAt", e.id
    LIMIT ${BATCH}`;
}

type WaiverRow = TeamRow & ItemCols & { id: string; expiresAt: Date; requestedById: string | null };

function lapsingWaivers(now: Date): Promise<WaiverRow[]> {
  const day = 86_400_000;
  return db.$queryRaw<WaiverRow[]>`
    SELECT ${itemColumns}, w.id, w."expiresAt", w."requestedById"
    FROM waiver w JOIN item i ON i.id = w."itemId" AND i."teamId" = w."teamId" ${itemJoins}
    WHERE w.status = 'APPROVED' AND i.status IN ('MISSING', 'PARTIAL') AND (w."requestedById" IS NOT NULL OR i."ownerId" IS NOT NULL)
      AND w."expiresAt" > ${now} AND w."expiresAt" <= ${new Date(now.getTime() + (EXPIRING_DAYS + 2) * day)}
      AND ${dayOf(Prisma.sql`w."expiresAt"`)} <= ${today(now)} + ${EXPIRING_DAYS}::int
      -- A later approved waiver holds the item up after this one lapses.
      AND NOT EXISTS (SELECT 1 FROM waiver o WHERE o."itemId" = w."itemId" AND o."teamId" = w."teamId" AND o.status = 'APPROVED' AND o."expiresAt" > w."expiresAt")
      AND NOT ${recorded(Prisma.sql`'waiver-expiring:' || w.id || ':' || ${isoInstant(Prisma.sql`w."expiresAt"`)}`)}
    ORDER BY w."expiresAt", w.id
    LIMIT ${BATCH}`;
}

/** Everything time has brought by `now`, not yet recorded, by team (with its zone). */
export async function findTimeEvents(now: Date): Promise<Map<string, { timeZone: string; findings: Finding[] }>> {
  const [due, evidence, waivers] = await Promise.all([dueItems(now), expiringEvidence(now), lapsingWaivers(now)]);
  const byTeam = new Map<string, { timeZone: string; findings: Finding[] }>();
  const add = (row: TeamRow, finding: Finding | null) => {
    if (!finding) return;
    const team = byTeam.get(row.teamId) ?? { timeZone: row.timeZone, findings: [] };
    team.findings.push(finding);
    byTeam.set(row.teamId, team);
  };
  for (const row of due) add(row, dueFinding({ ...itemOf(row), dueDate: row.dueDate, waived: row.waived }, now, row.timeZone));
  for (const row of evidence) {
    add(row, evidenceFinding({ id: row.id, label: row.label, expiresAt: row.expiresAt, addedById: row.addedById, item: itemOf(row), itemStale: row.itemStale }, now, row.timeZone));
  }
  for (const row of waivers) add(row, waiverFinding({ id: row.id, expiresAt: row.expiresAt, requestedById: row.requestedById, item: itemOf(row), superseded: false }, now, row.timeZone));
  return byTeam;
}

const itemLink = (item: FindingItem) => `/projects/${item.projectId}/items/${item.id}`;

/**
 * Records one team's findings in one transaction: each as an event under
 * its key (what another run recorded first is dropped), then what is new
 * folded into one inbox entry per person and item, attached to its leading
 * finding's event. Returns how many findings were new.
 */
async function recordTeamFindings(team: TeamRow, findings: readonly Finding[]): Promise<number> {
  const actor = systemActor(team, "notifications");
  return db.$transaction(async (tx) => {
    const fresh = await claimEvents(
      tx,
      actor,
      findings.map((finding) => ({
        kind: finding.kind,
        dedupeKey: finding.dedupeKey,
        project: { id: finding.item.projectId, name: finding.item.projectName },
        item: { id: finding.item.id, key: finding.item.key, title: finding.item.title },
        summary: `${finding.item.projectName}: ${finding.item.key} ${finding.phrase}`,
        details: finding.details,
      })),
    );
    const news = findings.filter((finding) => fresh.has(finding.dedupeKey));
    await writeInbox(
      tx,
      actor,
      foldFindings(news).map((entry) => ({
        userId: entry.userId,
        eventId: fresh.get(entry.findings[0].dedupeKey)!,
        kind: entry.kind,
        projectId: entry.item.projectId,
        itemId: entry.item.id,
        title: entry.title,
        link: itemLink(entry.item),
      })),
    );
    return news.length;
  });
}

/**
 * Finds and records what time has brought by `now` (see above), and judges
 * again the projects where a waiver lapsed or evidence expired lately, which
 * tells of a level fallen or a new launch blocker as a change would.
 * Returns how many time events were recorded. Observed in /api/metrics as
 * "notifications".
 */
export function notifyTimeEvents(now = new Date()): Promise<number> {
  return observeJob("notifications", (progress) => run(now, progress));
}

async function run(now: Date, progress: JobProgress): Promise<number> {
  const [byTeam, lapsed] = await Promise.all([findTimeEvents(now), lapsedProjects(now)]);
  progress.due(byTeam.size + lapsed.length);
  let recorded = 0;
  for (const [teamId, { timeZone, findings }] of byTeam) {
    recorded += await recordTeamFindings({ teamId, timeZone }, findings);
    progress.done();
  }
  for (const project of lapsed) {
    await recordReadinessAfterLapse(systemActor(project, "notifications"), project.projectId, now);
    progress.done();
  }
  return recorded;
}

/**
 * How far back a lapse sends a project to be judged again: a few runs, so a
 * run missed is made up by the next; the daily snapshot judges every
 * project anyway.
 */
export const LAPSE_WINDOW_MS = 2 * 60 * 60 * 1000;

// Active projects where an approved waiver lapsed or evidence expired within
// the window: time may have moved their level or made a launch blocker.
function lapsedProjects(now: Date): Promise<(TeamRow & { projectId: string })[]> {
  const since = new Date(now.getTime() - LAPSE_WINDOW_MS);
  return db.$queryRaw<(TeamRow & { projectId: string })[]>`
    SELECT p.id AS "projectId", p."teamId", t."timeZone"
    FROM project p JOIN team t ON t.id = p."teamId"
    WHERE p."archivedAt" IS NULL AND p.id IN (
      SELECT i."projectId" FROM waiver w JOIN item i ON i.id = w."itemId" AND i."teamId" = w."teamId"
      WHERE w.status = 'APPROVED' AND w."expiresAt" > ${since} AND w."expiresAt" <= ${now}
      UNION
      SELECT i."projectId" FROM evidence e JOIN item i ON i.id = e."itemId" AND i."teamId" = e."teamId"
      WHERE e."expiresAt" > ${since} AND e."expiresAt" <= ${now})
    ORDER BY p.id
    LIMIT ${BATCH}`;
}
