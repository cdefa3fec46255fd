import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectReportView } from "@/components/report/project-report-view";
import { shareLinkReader } from "@/lib/server/access/share-link-access";
import { loadProjectReport } from "@/lib/server/read-models/project-report";

export const metadata: Metadata = { title: "Readiness report", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// A project's report for whoever holds its share link, without signing in.
// The report carries names but no e-mail addresses and no notes, and the
// link reads its own project only.
export default async function SharedReportPage({ params }: Props) {
  const { token } = await params;
  const reader = await shareLinkReader(token);
  if (!reader) notFound();
  const report = await loadProjectReport(reader, reader.projectId);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{report.project.name}</h1>
        <p className="text-xs text-slate-500 print:hidden">Read-only report shared from Shipshape</p>
      </header>
      {report.project.description && <p className="mb-4 max-w-3xl text-sm text-slate-600 [overflow-wrap:anywhere]">{report.project.description}</p>}
      <ProjectReportView report={report} />
    </main>
  );
}
