import type { Metadata } from "next";
import { BurnDownChart } from "@/components/history/burn-down-chart";
import { MilestoneList } from "@/components/history/milestone-list";
import { StateComparisonView } from "@/components/history/state-comparison";
import { TrendChart } from "@/components/history/trend-chart";
import { ProjectHeader } from "@/components/projects/project-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CompactSelect } from "@/components/ui/compact-select";
import { formatRemainingEffort } from "@/lib/domain/format";
import { forecastSentence } from "@/lib/domain/history/forecast";
import { can } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/kernel/errors";
import { requireActor } from "@/lib/server/access/current-actor";
import { pageOrNotFound } from "@/lib/server/page-data";
import { compareProjectStates, HISTORY_DAYS, loadProjectHistory } from "@/lib/server/read-models/project-history";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ProjectHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor("project.read");
  const { projectId } = await params;
  const query = await searchParams;
  const history = await pageOrNotFound(loadProjectHistory(actor, projectId));
  const from = single(query.from);
  const to = single(query.to) ?? "now";
  const comparison = from
    ? await compareProjectStates(actor, projectId, { from, to }).catch((error: unknown) => {
        if (error instanceof AppError) return error;
        throw error;
      })
    : null;
  const { project, current, forecast } = history;
  const milestoneOptions = history.milestones.map((m) => ({ value: m.id, label: m.name }));

  return (
    <>
      <ProjectHeader project={project} role={actor.role} current="history" />
      <div className="space-y-6">
        <Card title="Readiness over time" description={`The last ${HISTORY_DAYS} days: overall and per category. Click a legend entry to hide or show its line.`}>
          {history.snapshots.length === 0 ? (
            <p className="text-sm text-slate-500">The history starts with the project&apos;s next change, and a snapshot is taken every day.</p>
          ) : (
            <TrendChart trend={history.trend} />
          )}
        </Card>

        <Card title="Remaining effort" description="Burn-down of the effort left (missing items in full; partial, stale and needs-evidence items at half) and the forecast at the recent pace.">
          <p className="mb-3 text-sm text-slate-700" data-testid="history-forecast">
            <strong>{formatRemainingEffort(current.remainingEffortHours, history.unestimatedItems)}</strong> left. {forecastSentence(forecast, project.targetDate)}
          </p>
          {history.snapshots.length > 0 && <BurnDownChart points={history.burnDown} forecast={forecast} targetDate={project.targetDate} teamTimeZone={actor.timeZone} />}
        </Card>

        <Card title="Milestones" description="A milestone keeps the project's state under a name, to compare later states with.">
          <MilestoneList projectId={projectId} milestones={history.milestones} canManage={can(actor.role, "milestone.manage") && !project.archived} />
        </Card>

        {history.milestones.length > 0 && (
          <div id="compare">
            <Card title="Compare" description="Any two milestones, or a milestone and now: status changes, blockers, evidence, readiness and level.">
              <form method="get" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-600">From</span>
                <CompactSelect label="From milestone" name="from" defaultValue={from ?? history.milestones[0].id} options={milestoneOptions} />
                <span className="text-slate-600">to</span>
                <CompactSelect label="To" name="to" defaultValue={to} options={[{ value: "now", label: "Now" }, ...milestoneOptions]} />
                <Button type="submit" size="sm" variant="secondary">
                  Compare
                </Button>
              </form>
              {comparison instanceof AppError ? <Alert>{comparison.message}</Alert> : comparison && <StateComparisonView comparison={comparison} timeZone={actor.timeZone} />}
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
