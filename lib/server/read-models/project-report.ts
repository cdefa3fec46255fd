import "server-only";
import { forecastLaunch, paceWindowStart } from "@/lib/domain/history/forecast";
import { compareStates, stateOfReport, type ReadinessState } from "@/lib/domain/history/milestone-state";
import { dayIn, isoDay } from "@/lib/domain/readiness/dates";
import { isOverdue } from "@/lib/domain/readiness/filters";
import { readinessMatrix } from "@/lib/domain/readiness/matrix";
import { headlineOf, readinessOf } from "@/lib/domain/readiness/score";
import { launchBlockerItems, nextLevelItems } from "@/lib/domain/readiness/next-level";
import { standingOf } from "@/lib/domain/readiness/standing";
import { REPORT_SCHEMA, type ProjectReport, type ReportEvidence, type ReportItem, type ReportWaiver } from "@/lib/domain/report/report";
import type { Actor } from "@/lib/server/kernel/actor";
import { authorize } from "@/lib/server/kernel/gate";
import { db } from "@/lib/server/kernel/db";
import { notFound } from "@/lib/server/kernel/errors";
import { evidenceViewQuery, toEvidenceView } from "./evidence-view";
import { itemViewSelect, scorableOf } from "./item-view";
import { currentOwner } from "./owner-view";
import { projectViewSelect, toProjectView } from "./project-view";

// One joined statement: the project, its categories, and every item with its
// owner's name, all its evidence and its open waivers with who asked and who
// approved; the recent snapshots and the latest milestone. Names only: a
// report carries no e-mail addresses and no notes.
function reportQuery(actor: Actor, projectId: string, now: Date) {
  return db.project.findFirst({
    where: { id: projectId, teamId: actor.teamId },
    relationLoadStrategy: "join",
    select: {
      ...projectViewSelect,
      categories: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      // The recent history for the forecast, and the latest milestone.
      snapshots: {
        where: { takenAt: { gte: paceWindowStart(now), lt: now } },
        orderBy: { takenAt: "asc" },
        select: { takenAt: true, remainingEffortHours: true, openItems: true },
      },
      milestones: { orderBy: { createdAt: "desc" }, take: 1, select: { name: true, state: true } },
      items: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: {
          ...itemViewSelect,
          evidence: { ...evidenceViewQuery, orderBy: { createdAt: "asc" } },
          waivers: {
            where: { status: { in: ["PENDING", "APPROVED"] } },
            orderBy: { createdAt: "desc" },
            select: {
              id: true,
              status: true,
              reason: true,
              expiresAt: true,
              requestedById: true,
              requestedBy: { select: { name: true } },
              decidedBy: { select: { name: true } },
            },
          },
        },
      },
    },
  });
}

// The status report of a project, computed with the one scoring module.
export async function loadProjectReport(actor: Actor, projectId: string, now = new Date()): Promise<ProjectReport> {
  authorize(actor, "report.read", { projectId });
  const row = await reportQuery(actor, projectId, now);
  if (!row) throw notFound("Project");
  const project = toProjectView(row, now, actor.timeZone);
  const today = dayIn(now, actor.timeZone);
  const categoryName = new Map(row.categories.map((c) => [c.id, c.name]));

  const items: ReportItem[] = row.items.map((source) => {
    const standing = standingOf(scorableOf(source, row.evidencePolicy, now), now);
    const dueDate = source.dueDate ? isoDay(source.dueDate) : null;
    const open = source.waivers.find((w) => w.status === "PENDING" || w.expiresAt > now);
    const waiver: ReportWaiver | null = open
      ? {
          status: open.status as ReportWaiver["status"],
          reason: open.reason,
          expiresAt: open.expiresAt.toISOString(),
          expiresOn: dayIn(open.expiresAt, actor.timeZone),
          requestedBy: open.requestedBy?.name ?? null,
          approvedBy: open.status === "APPROVED" ? (open.decidedBy?.name ?? null) : null,
        }
      : null;
    return {
      key: source.key,
      title: source.title,
      category: categoryName.get(source.categoryId) ?? "",
      priority: source.priority,
      status: source.status,
      standing,
      owner: currentOwner(source)?.name ?? null,
      dueDate,
      overdue: isOverdue({ dueDate, standing }, today),
      effortHours: source.effortHours,
      notApplicableReason: source.notApplicableReason,
      evidence: source.evidence.map((row): ReportEvidence => {
        const { kind, label, url, path, expiresAt, expiresOn, expired } = toEvidenceView(row, now, actor.timeZone);
        return { kind, label, url, path, expiresAt, expiresOn, expired };
      }),
      waiver,
    };
  });

  const itemCategoryIds = row.items.map((source) => source.categoryId);
  const scorable = row.items.map((source) => ({ ...scorableOf(source, row.evidencePolicy, now), categoryId: source.categoryId }));
  const readiness = readinessOf(scorable, project.weights, now);
  const matrix = readinessMatrix(row.categories, scorable, project.weights, now);

  const report: ProjectReport = {
    schema: REPORT_SCHEMA,
    generatedAt: now.toISOString(),
    timeZone: actor.timeZone,
    project: {
      id: project.id,
      name: project.name,
      description: project.description,
      productionUrl: project.productionUrl,
      repositoryUrl: project.repositoryUrl,
      targetDate: project.targetDate,
      daysToTarget: project.daysToTarget,
      archived: project.archived,
      evidencePolicy: project.evidencePolicy,
      template: project.template,
    },
    summary: {
      ...headlineOf(readiness),
      nextLevel: readiness.nextLevel && {
        level: readiness.nextLevel.level,
        name: readiness.nextLevel.name,
        outstanding: readiness.nextLevel.outstanding,
        needsTriage: readiness.nextLevel.needsTriage,
        items: nextLevelItems(items, readiness.nextLevel).map(({ key, title, priority, owner }) => ({ key, title, priority, owner })),
      },
    },
    blockers: launchBlockerItems(items),
    categories: matrix.map((category) => ({
      name: category.name,
      percent: category.percent,
      glyph: category.glyph,
      counts: category.counts,
      applicable: category.applicable,
      items: items.filter((_, index) => itemCategoryIds[index] === category.categoryId),
    })),
    waivers: items.filter((item) => item.waiver).map((item) => ({ key: item.key, title: item.title, ...(item.waiver as ReportWaiver) })),
    staleEvidence: items.filter((item) => item.standing === "STALE").flatMap((item) => item.evidence.map((e) => ({ key: item.key, title: item.title, ...e }))),
    forecast: forecastLaunch(
      row.snapshots.map((s) => ({ takenAt: s.takenAt.toISOString(), remainingEffortHours: s.remainingEffortHours, openItems: s.openItems })),
      readiness,
      now,
      project.targetDate,
      actor.timeZone,
    ),
    sinceMilestone: null,
  };
  const milestone = row.milestones[0];
  if (milestone) report.sinceMilestone = compareStates(milestone.state as unknown as ReadinessState, milestone.name, stateOfReport(report), "Now");
  return report;
}
