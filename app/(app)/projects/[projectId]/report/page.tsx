import type { Metadata } from "next";
import { ProjectHeader } from "@/components/projects/project-header";
import { ProjectReportView } from "@/components/report/project-report-view";
import { ShareLinks } from "@/components/report/share-links";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/domain/permissions";
import { listShareLinks } from "@/lib/server/services/share-links";
import { requireActor } from "@/lib/server/auth/current-actor";
import { pageOrNotFound } from "@/lib/server/page-data";
import { loadProjectReport } from "@/lib/server/read-models/project-report";

export const metadata: Metadata = { title: "Status report" };

type Props = { params: Promise<{ projectId: string }> };

const FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "csv", label: "CSV" },
  { format: "json", label: "JSON" },
  { format: "pdf", label: "PDF" },
] as const;

export default async function ProjectReportPage({ params }: Props) {
  const actor = await requireActor("report.export");
  const { projectId } = await params;
  const report = await pageOrNotFound(loadProjectReport(actor, projectId));
  const shareLinks = can(actor.role, "shareLink.manage") ? await listShareLinks(actor, projectId) : null;
  return (
    <>
      <ProjectHeader project={report.project} role={actor.role} current="report" />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm print:hidden">
        <span className="text-slate-600">Download:</span>
        {FORMATS.map(({ format, label }) => (
          <a key={format} href={`/projects/${projectId}/report/export?format=${format}`} className="rounded-md bg-white px-2.5 py-1 font-medium text-slate-700 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50" download>
            {label}
          </a>
        ))}
        <span className="text-slate-500">· or print this page (it is laid out for paper).</span>
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
