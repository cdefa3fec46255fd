import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadPortfolio } from "@/lib/server/read-models/portfolio";

export const metadata: Metadata = { title: "Import a readiness document" };

type Props = { searchParams: Promise<{ projectId?: string }> };

export default async function ImportPage({ searchParams }: Props) {
  const actor = await requireActor("item.create");
  const { projectId } = await searchParams;
  const portfolio = await loadPortfolio(actor, { sort: "name", dir: "asc", archived: "hide", q: "", level: "any" });
  return (
    <>
      <PageHeader
        title="Import a readiness document"
        description="Paste or upload the Markdown you keep today: tables of items with a status column, task lists (- [ ] …), gap sections with **Status:** lines, checklists drawn in code blocks — or a YAML checklist (docs/checklist-yaml.md). Preview what will be created, then import."
      />
      <ImportForm projects={portfolio.projects.map((p) => ({ value: p.id, label: p.name }))} initialProjectId={projectId ?? null} />
    </>
  );
}
