import "server-only";
import { forecastLaunch, paceWindowStart, type ProgressPoint } from "@/lib/domain/history/forecast";
import { dayIn, isoDay } from "@/lib/domain/readiness/dates";
import { isOverdue } from "@/lib/domain/readiness/filters";
import { LEVEL_NAME } from "@/lib/domain/readiness/score";
import { isSatisfied, standingOf } from "@/lib/domain/readiness/standing";
import { PORTFOLIO_SCHEMA, portfolioTotals, type PortfolioBlocker, type PortfolioReport } from "@/lib/domain/report/portfolio";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { pendingChecksSelect, scorableOf } from "./item-view";
import { currentOwner, ownerSelect } from "./owner-view";
import { loadPortfolio } from "./portfolio";

const ACTIVE_BY_NAME = { sort: "name", dir: "asc", archived: "hide", q: "", level: "any" } as const;

// Every active project of the team, scored like its own report. Five
// statements whatever the number of projects: the team, the portfolio's two
// (projects and tally), the critical items for the blockers, and the recent
// snapshots for the forecasts.
export async function loadPortfolioReport(actor: Actor, now = new Date()): Promise<PortfolioReport> {
  authorize(actor, "report.export");
  const [team, portfolio, critical, snapshots] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true, slug: true } }),
    loadPortfolio(actor, ACTIVE_BY_NAME, now),
    db.item.findMany({
      where: { teamId: actor.teamId, priority: "CRITICAL", status: { not: "NOT_APPLICABLE" }, project: { archivedAt: null } },
      orderBy: [{ projectId: "asc" }, { position: "asc" }],
      relationLoadStrategy: "join",
      select: {
        teamId: true,
        projectId: true,
        key: true,
        title: true,
        status: true,
        priority: true,
        effortHours: true,
        dueDate: true,
        owner: ownerSelect,
        project: { select: { evidencePolicy: true } },
        evidence: { select: { expiresAt: true } },
        waivers: { where: { status: "APPROVED" }, select: { status: true, expiresAt: true } },
        checks: pendingChecksSelect,
      },
    }),
    db.readinessSnapshot.findMany({
      where: { teamId: actor.teamId, takenAt: { gte: paceWindowStart(now), lt: now } },
      orderBy: { takenAt: "asc" },
      select: { projectId: true, takenAt: true, remainingEffortHours: true, openItems: true },
    }),
  ]);

  const today = dayIn(now, actor.timeZone);
  const blockers = new Map<string, PortfolioBlocker[]>();
  for (const item of critical) {
    const standing = standingOf(scorableOf(item, item.project.evidencePolicy, now), now);
    if (isSatisfied(standing)) continue;
    const dueDate = item.dueDate ? isoDay(item.dueDate) : null;
    const list = blockers.get(item.projectId) ?? [];
    list.push({ key: item.key, title: item.title, owner: currentOwner(item)?.name ?? null, dueDate, overdue: isOverdue({ dueDate, standing }, today) });
    blockers.set(item.projectId, list);
  }

  const history = new Map<string, ProgressPoint[]>();
  for (const s of snapshots) {
    const points = history.get(s.projectId) ?? [];
    points.push({ takenAt: s.takenAt.toISOString(), remainingEffortHours: s.remainingEffortHours, openItems: s.openItems });
    history.set(s.projectId, points);
  }

  const projects = portfolio.projects.map((p) => ({
    id: p.id,
    name: p.name,
    readinessPercent: p.readiness.percent,
    level: p.readiness.level,
    levelName: LEVEL_NAME[p.readiness.level],
    launchBlockers: p.readiness.launchBlockers,
    needsTriage: p.readiness.needsTriage,
    remainingEffortHours: p.readiness.remainingEffortHours,
    unestimatedItems: p.readiness.unestimatedItems,
    doneOrWaived: p.readiness.counts.DONE + p.readiness.counts.WAIVED,
    applicable: p.readiness.applicable,
    targetDate: p.targetDate,
    daysToTarget: p.daysToTarget,
    forecast: forecastLaunch(history.get(p.id) ?? [], p.readiness, now, p.targetDate, actor.timeZone),
    blockers: blockers.get(p.id) ?? [],
  }));

  return { schema: PORTFOLIO_SCHEMA, generatedAt: now.toISOString(), timeZone: actor.timeZone, team, totals: portfolioTotals(projects), projects };
}
