import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { can } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import type { ProjectView } from "@/lib/server/read-models/project-view";

type Tab = "overview" | "report" | "checks" | "history" | "activity" | "settings";

type HeaderProject = Pick<ProjectView, "id" | "name" | "description" | "archived" | "productionUrl" | "repositoryUrl">;

export function ProjectHeader({ project, role, current }: { project: HeaderProject; role: Role; current: Tab }) {
  const tabs: { id: Tab; label: string; href: string }[] = [
    { id: "overview", label: "Overview", href: `/projects/${project.id}` },
    { id: "report", label: "Report", href: `/projects/${project.id}/report` },
    { id: "checks", label: "Checks", href: `/projects/${project.id}/checks` },
    { id: "history", label: "History", href: `/projects/${project.id}/history` },
    { id: "activity", label: "Activity", href: `/projects/${project.id}/activity` },
    ...(can(role, "project.update") ? [{ id: "settings" as const, label: "Settings", href: `/projects/${project.id}/settings` }] : []),
  ];
  return (
    <header className="mb-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 print:hidden">
        <Link href="/" className="hover:text-slate-900 hover:underline">
          Projects
        </Link>{" "}
        /
      </nav>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{project.name}</h1>
        {project.archived && <Badge tone="amber">Archived — read only</Badge>}
      </div>
      {project.description && <p className="mt-1 max-w-3xl text-sm text-slate-600 [overflow-wrap:anywhere]">{project.description}</p>}
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {project.productionUrl && (
          <a href={project.productionUrl} rel="noopener noreferrer" target="_blank" className="text-indigo-600 hover:underline">
            Production ↗
          </a>
        )}
        {project.repositoryUrl && (
          <a href={project.repositoryUrl} rel="noopener noreferrer" target="_blank" className="text-indigo-600 hover:underline">
            Repository ↗
          </a>
        )}
      </div>
      <nav aria-label="Project" className="mt-4 flex gap-1 overflow-x-auto whitespace-nowrap border-b border-slate-200 print:hidden">
        {tabs.map((tab) => (
          <Link
            key={tab.id}
            href={tab.href}
            aria-current={tab.id === current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              tab.id === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
