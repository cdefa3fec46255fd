import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ReadinessMeter } from "@/components/readiness/readiness-meter";
import { formatDay, formatDaysAway, formatEffortAtLeast, needsTriageText } from "@/lib/domain/format";
import { Moment } from "@/components/time/moment";
import { levelLabel } from "@/lib/domain/readiness/score";
import type { PortfolioProject } from "@/lib/server/read-models/portfolio";
import type { PortfolioQuery } from "@/lib/schemas/project";

const COLUMNS: { sort: PortfolioQuery["sort"]; label: string; className?: string }[] = [
  { sort: "name", label: "Project" },
  { sort: "readiness", label: "Readiness" },
  { sort: "blockers", label: "Blockers", className: "text-right" },
  { sort: "effort", label: "Remaining", className: "text-right" },
  { sort: "target", label: "Target" },
  { sort: "activity", label: "Last activity" },
];

function sortHref(query: PortfolioQuery, sort: PortfolioQuery["sort"]) {
  const params = new URLSearchParams({ ...query, sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc" });
  return `/?${params}`;
}

export function PortfolioTable({ projects, query }: { projects: PortfolioProject[]; query: PortfolioQuery }) {
  return (
    <>
      <PortfolioCards projects={projects} query={query} />
      <PortfolioRows projects={projects} query={query} />
    </>
  );
}

// On a phone: one card per project with what a stakeholder asks first, and
// the sort as a row of links (the table's headers sort on wider screens).
function PortfolioCards({ projects, query }: { projects: PortfolioProject[]; query: PortfolioQuery }) {
  return (
    <div className="space-y-3 md:hidden" data-testid="portfolio-cards">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        Sort by
        {COLUMNS.map((column) => (
          <Link key={column.sort} href={sortHref(query, column.sort)} aria-current={query.sort === column.sort ? "true" : undefined} className={cn("font-medium hover:text-slate-900", query.sort === column.sort ? "text-indigo-700" : "text-slate-600")}>
            {column.label}
            {query.sort === column.sort && <span aria-hidden>{query.dir === "asc" ? " ↑" : " ↓"}</span>}
          </Link>
        ))}
      </p>
      <ul className="space-y-3">
        {projects.map((project) => (
          <li key={project.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="portfolio-card">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/projects/${project.id}`} className="min-w-0 font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700 hover:underline">
                {project.name}
              </Link>
              {project.archived && <Badge tone="amber">Archived</Badge>}
            </div>
            {project.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-500 [overflow-wrap:anywhere]">{project.description}</p>}
            <div className="mt-3 flex items-center gap-3">
              <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="portfolio-card-percent">{project.readiness.percent}%</span>
              <ReadinessMeter percent={project.readiness.percent} className="min-w-0 flex-1" />
            </div>
            <p className="mt-1 text-xs text-slate-600" data-testid="portfolio-card-level">
              {levelLabel(project.readiness.level)}
              {project.readiness.needsTriage > 0 && <span className="font-medium text-amber-800"> · {needsTriageText(project.readiness.needsTriage)}</span>}
            </p>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">Launch blockers</dt>
                <dd className={cn("font-semibold tabular-nums", project.readiness.launchBlockers > 0 ? "text-red-600" : "text-emerald-600")} data-testid="portfolio-card-blockers">
                  {project.readiness.launchBlockers}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Target launch</dt>
                <dd className="text-slate-900" data-testid="portfolio-card-target">
                  {formatDay(project.targetDate)}
                  {project.targetDate && <span className={cn("block text-xs", (project.daysToTarget ?? 0) < 0 ? "text-red-600" : "text-slate-500")}>{formatDaysAway(project.daysToTarget)}</span>}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Remaining effort</dt>
                <dd className="tabular-nums text-slate-900">
                  {formatEffortAtLeast(project.readiness.remainingEffortHours, project.readiness.unestimatedItems)}
                  {project.readiness.unestimatedItems > 0 && <span className="block text-xs text-slate-500">{project.readiness.unestimatedItems} not estimated</span>}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Last activity</dt>
                <dd className="text-xs text-slate-700">{project.lastActivityAt ? <Moment iso={project.lastActivityAt} /> : "—"}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PortfolioRows({ projects, query }: { projects: PortfolioProject[]; query: PortfolioQuery }) {
  return (
    <div className="hidden overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm" data-testid="portfolio">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.sort}
                  scope="col"
                  aria-sort={query.sort === column.sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={cn("px-4 py-2 text-left font-medium", column.className)}
                >
                  <Link href={sortHref(query, column.sort)} className="inline-flex items-center gap-1 hover:text-slate-900">
                    {column.label}
                    {query.sort === column.sort && <span aria-hidden>{query.dir === "asc" ? "↑" : "↓"}</span>}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {projects.map((project) => (
              <tr key={project.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/projects/${project.id}`} className="font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700 hover:underline">
                    {project.name}
                  </Link>
                  {project.archived && (
                    <span className="ml-2">
                      <Badge tone="amber">Archived</Badge>
                    </span>
                  )}
                  {project.description && <p className="mt-0.5 max-w-xs truncate text-xs text-slate-500">{project.description}</p>}
                </td>
                <td className="w-56 px-4 py-3">
                  <div className="flex items-center gap-3">
                    <span className="w-10 text-right font-semibold tabular-nums text-slate-900" data-testid="portfolio-percent">{project.readiness.percent}%</span>
                    <ReadinessMeter percent={project.readiness.percent} className="w-24" />
                  </div>
                  <p className="mt-1 text-xs text-slate-500">
                    {levelLabel(project.readiness.level)}
                    {project.readiness.needsTriage > 0 && <span className="font-medium text-amber-800"> · {needsTriageText(project.readiness.needsTriage)}</span>}
                  </p>
                </td>
                <td className={cn("px-4 py-3 text-right font-semibold tabular-nums", project.readiness.launchBlockers > 0 ? "text-red-600" : "text-emerald-600")}>
                  {project.readiness.launchBlockers}
                </td>
                <td className="px-4 py-3 text-right tabular-nums text-slate-700">
                  {formatEffortAtLeast(project.readiness.remainingEffortHours, project.readiness.unestimatedItems)}
                  {project.readiness.unestimatedItems > 0 && <p className="text-xs font-normal text-slate-500">{project.readiness.unestimatedItems} not estimated</p>}
                </td>
                <td className="px-4 py-3 text-slate-700">
                  {formatDay(project.targetDate)}
                  {project.targetDate && (
                    <p className={cn("text-xs", (project.daysToTarget ?? 0) < 0 ? "text-red-600" : "text-slate-500")}>{formatDaysAway(project.daysToTarget)}</p>
                  )}
                </td>
                <td className="px-4 py-3 text-xs text-slate-500">{project.lastActivityAt ? <Moment iso={project.lastActivityAt} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
