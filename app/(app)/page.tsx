import type { Metadata } from "next";
import Link from "next/link";
import { PortfolioTable } from "@/components/projects/portfolio-table";
import { ReportDownloads } from "@/components/report/report-downloads";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CompactSelect } from "@/components/ui/compact-select";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/domain/permissions";
import { levelLabel } from "@/lib/domain/readiness/score";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadPortfolio } from "@/lib/server/read-models/portfolio";
import { currentTeam } from "@/lib/server/services/teams";
import { portfolioQuery } from "@/lib/schemas/project";

export const metadata: Metadata = { title: "Projects" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortfolioPage({ searchParams }: Props) {
  const actor = await requireActor("project.read");
  const params = await searchParams;
  const query = portfolioQuery.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [team, portfolio] = await Promise.all([currentTeam(actor), loadPortfolio(actor, query)]);
  const canCreate = can(actor.role, "project.create");

  return (
    <>
      <PageHeader
        title="Projects"
        description={`What ${team.name} is getting ready to launch.`}
        actions={
          canCreate && (
            <div className="flex gap-2">
              <Button asChild variant="secondary">
                <Link href="/projects/import">Import a document</Link>
              </Button>
              <Button asChild>
                <Link href="/projects/new">New project</Link>
              </Button>
            </div>
          )
        }
      />
      {portfolio.totalCount === 0 ? (
        <Card>
          <div className="flex flex-col items-center px-4 py-12 text-center">
            <div aria-hidden className="mb-4 grid size-12 place-items-center rounded-full bg-indigo-50 text-2xl text-indigo-600">◐</div>
            <h2 className="text-base font-semibold text-slate-900">No projects yet</h2>
            <p className="mt-1 max-w-md text-sm text-slate-600">
              A project is a launch you are getting ready: its checklist, readiness score and launch gates live here.
            </p>
            {canCreate ? (
              <Button asChild className="mt-4">
                <Link href="/projects/new">Create the first project</Link>
              </Button>
            ) : (
              <p className="mt-4 text-sm text-slate-600">A lead or admin of your team can create one.</p>
            )}
          </div>
        </Card>
      ) : (
        <div className="space-y-4">
          <form method="get" className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter projects">
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
            <label className="min-w-0 flex-1 basis-48">
              <span className="sr-only">Search projects</span>
              <input
                type="search"
                name="q"
                defaultValue={query.q}
                placeholder="Search projects"
                className="block w-full rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
              />
            </label>
            <CompactSelect
              label="Level"
              name="level"
              defaultValue={query.level}
              options={[
                { value: "any", label: "Any level" },
                ...([0, 1, 2, 3] as const).map((level) => ({ value: String(level), label: levelLabel(level) })),
              ]}
            />
            <CompactSelect
              label="Archived projects"
              name="archived"
              defaultValue={query.archived}
              options={[
                { value: "hide", label: "Active projects" },
                { value: "include", label: "Active and archived" },
                { value: "only", label: "Archived only" },
              ]}
            />
            <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
              Apply
            </button>
          </form>
          {portfolio.projects.length > 0 ? (
            <PortfolioTable projects={portfolio.projects} query={query} />
          ) : (
            <p className="rounded-xl bg-white px-5 py-10 text-center text-sm text-slate-500 ring-1 ring-slate-200">No projects match.</p>
          )}
          <ReportDownloads href="/report/export" label="Portfolio report" note="· every active project, with blockers and forecasts." />
          {query.archived === "hide" && portfolio.archivedCount > 0 && (
            <p className="text-xs text-slate-500">
              {portfolio.archivedCount} archived project{portfolio.archivedCount === 1 ? " is" : "s are"} hidden.{" "}
              <Link href="/?archived=include" className="font-medium text-indigo-600 hover:underline">
                Show them
              </Link>
            </p>
          )}
        </div>
      )}
    </>
  );
}
