import type { Metadata } from "next";
import { ProjectHeader } from "@/components/projects/project-header";
import { ProjectReportView } from "@/components/report/project-report-view";
import { ReportDownloads } from "@/components/report/report-downloads";
import { ShareLinks } from "@/components/report/share-links";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/domain/permissions";
import { listShareLinks } from "@/lib/server/services/share-links";
import { requireActor } from "@/lib/server/access/current-actor";
import { pageOrNotFound } from "@/lib/server/page-data";
import { loadProjectReport } from "@/lib/server/read-models/project-report";

export const metadata: Metadata = { title: "Status report" };

type Props = { params: Promise<{ projectId: string }> };

export default async function ProjectReportPage({ params }: Props) {
  const actor = await requireActor("report.export");
  const { projectId } = await params;
  const report = await pageOrNotFound(loadProjectReport(actor, projectId));
  const shareLinks = can(actor.role, "shareLink.manage") ? await listShareLinks(actor, projectId) : null;
  return (
    <>
      <ProjectHeader project={report.project} role={actor.role} current="report" />
      <div className="mb-4">
        <ReportDownloads href={`/projects/${projectId}/report/export`} label="Download" note="· or print this page (it is laid out for paper)." />
      </div>
      <ProjectReportView report={report} />
      {shareLinks && (
        <div className="mt-6 print:hidden">
          <Card title="Share" description="A read-only link to this report and a live badge, for stakeholders without an account.">
            <ShareLinks projectId={projectId} links={shareLinks} />
          </Card>
        </div>
      )}
    </>
  );
}
