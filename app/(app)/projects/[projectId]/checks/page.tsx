import type { Metadata } from "next";
import Link from "next/link";
import { ChecksTable } from "@/components/checks/checks-table";
import { RunChecksButton } from "@/components/checks/run-checks-button";
import { ProjectHeader } from "@/components/projects/project-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/server/access/current-actor";
import { pageOrNotFound } from "@/lib/server/page-data";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { listChecks, recentCheckResults } from "@/lib/server/services/checks";

export const metadata: Metadata = { title: "Checks" };

type Props = { params: Promise<{ projectId: string }> };

export default async function ProjectChecksPage({ params }: Props) {
  const actor = await requireActor("project.read");
  const { projectId } = await params;
  const [page, checks, results] = await pageOrNotFound(
    Promise.all([loadProjectPage(actor, projectId), listChecks(actor, { projectId }), recentCheckResults(actor, { projectId })]),
  );
  const { project } = page;
  const canRun = !project.archived && can(actor.role, "check.run");
  const canManage = !project.archived && can(actor.role, "check.manage");
  const waivedItemIds = new Set(page.items.filter((item) => item.standing === "WAIVED").map((item) => item.id));
  const failing = checks.filter((check) => check.state === "FAILING").length;
  const pending = checks.filter((check) => check.state === "PENDING").length;

  return (
    <>
      <ProjectHeader project={project} role={actor.role} current="checks" />
      <Card
        title="Checks"
        description={
          checks.length === 0
            ? "Automated checks keep items true."
            : `${checks.length} ${checks.length === 1 ? "check" : "checks"}: ${checks.length - failing - pending} passing, ${failing} failing, ${pending} not evaluated yet.`
        }
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {canManage && (
              <Link href={`/projects/${projectId}/checks/set-up`} className="text-sm font-medium text-indigo-600 hover:underline">
                Set up checks
              </Link>
            )}
            {canRun && checks.length > 0 && <RunChecksButton target={{ projectId }} variant="primary" accessibleName="Re-check all checks now" />}
          </div>
        }
      >
        {checks.length === 0 ? (
          <div className="max-w-2xl space-y-3 text-sm text-slate-700" data-testid="checks-empty">
            <p>
              A check verifies an item for you: an HTTP endpoint answering as it should, a TLS certificate far from expiry, a DNS record, files in the repository, or a result
              your CI pipeline reports. While it passes the item is Done, with the latest result as its evidence; after failures in a row the item falls back to Missing or
              Partial, and every change is in the activity log.
            </p>
            {canManage ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button asChild size="sm">
                  <Link href={`/projects/${projectId}#items`}>Add a check</Link>
                </Button>
                <span className="text-slate-500">Choose an item in the checklist: its page has a Checks section with the form.</span>
              </div>
            ) : (
              <p className="text-slate-500">A lead or admin adds checks on an item&apos;s page.</p>
            )}
          </div>
        ) : (
          <ChecksTable projectId={projectId} checks={checks} results={results} waivedItemIds={waivedItemIds} canRun={canRun} />
        )}
      </Card>
    </>
  );
}
