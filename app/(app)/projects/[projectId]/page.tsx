import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { ActivityList } from "@/components/activity/activity-list";
import { ChecklistLoading } from "@/components/items/checklist-loading";
import { ItemList } from "@/components/items/item-list";
import { ProjectHeader } from "@/components/projects/project-header";
import { ItemFilters } from "@/components/readiness/item-filters";
import { ReadinessMatrix } from "@/components/readiness/readiness-matrix";
import { ProjectOverviewPanels } from "@/components/readiness/project-overview-panels";
import { ReadinessSummary } from "@/components/readiness/readiness-summary";
import { can } from "@/lib/domain/permissions";
import { filterItems, isFiltering, parseItemFilter } from "@/lib/domain/readiness/filters";
import { sortItems } from "@/lib/domain/readiness/sort";
import { SkipToChecklist } from "@/components/items/skip-to-checklist";
import { collapsedCategoryIds } from "@/lib/server/services/checklist-preferences";
import type { Actor } from "@/lib/server/kernel/actor";
import { requireActor } from "@/lib/server/access/current-actor";
import { toChecklistItem } from "@/lib/server/read-models/item-view";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { pageOrNotFound } from "@/lib/server/page-data";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params, searchParams }: Props) {
  const actor = await requireActor("project.read");
  const { projectId } = await params;
  const page = await pageOrNotFound(loadProjectPage(actor, projectId));
  const filter = parseItemFilter(await searchParams);
  const items = sortItems(filterItems(page.items, filter, { userId: actor.userId, today: page.today }), filter.sort);
  const archived = page.project.archived;

  return (
    <>
      <SkipToChecklist />
      <ProjectHeader project={page.project} role={actor.role} current="overview" />
      <div className="space-y-6">
        <ReadinessSummary
          projectId={projectId}
          readiness={page.readiness}
          blockers={page.blockers}
          nextLevelItems={page.nextLevelItems}
          targetDate={page.project.targetDate}
          daysToTarget={page.project.daysToTarget}
        />
        <ProjectOverviewPanels projectId={projectId} overview={page.overview} decidesWaivers={can(actor.role, "waiver.decide")} />
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <ReadinessMatrix projectId={projectId} rows={page.matrix} />
          <section aria-labelledby="recent-title" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="recent-title" className="flex items-center justify-between border-b border-slate-100 px-5 py-3 text-base font-semibold text-slate-900">
              Recent activity
              <Link href={`/projects/${projectId}/activity`} className="text-sm font-medium text-indigo-600 hover:underline">
                All activity
              </Link>
            </h2>
            <div className="px-5 py-3">
              <ActivityList entries={page.recentActivity} members={page.members} projectId={projectId} compact />
            </div>
          </section>
        </div>
        <section id="items" aria-labelledby="items-title" className="scroll-mt-4 space-y-4">
          <h2 id="items-title" className="text-lg font-semibold text-slate-900">
            Checklist
          </h2>
          <ItemFilters projectId={projectId} filter={filter} members={page.members} categories={page.categories} shown={items.length} total={page.items.length} />
          {/* The checklist streams after the rest: the top of the page shows while its rows (and the viewer's folds) load. */}
          <Suspense fallback={<ChecklistLoading />}>
            <FoldedChecklist actor={actor} projectId={projectId}>
              {(collapsed) => (
                <ItemList
                  projectId={projectId}
                  categories={page.categories}
                  items={items.map(toChecklistItem)}
                  members={page.members}
                  can={{ status: can(actor.role, "item.updateStatus"), owner: can(actor.role, "item.assignOwner"), edit: can(actor.role, "item.edit"), planOwn: can(actor.role, "item.planOwn") }}
                  viewerId={actor.userId}
                  canAddItems={can(actor.role, "item.create")}
                  canManageCategories={can(actor.role, "category.manage")}
                  archived={archived}
                  filtering={isFiltering(filter)}
                  collapsed={collapsed}
                />
              )}
            </FoldedChecklist>
          </Suspense>
        </section>
      </div>
    </>
  );
}

/** Renders `children` with the categories the viewer folded away, read on their own so that the page above does not wait for them. */
async function FoldedChecklist({ actor, projectId, children }: { actor: Actor; projectId: string; children: (collapsed: string[]) => ReactNode }) {
  return children(await collapsedCategoryIds(actor, projectId));
}
