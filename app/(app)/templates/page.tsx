import type { Metadata } from "next";
import Link from "next/link";
import { TeamTemplates } from "@/components/templates/template-upload";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/access/current-actor";
import { builtInCatalogue } from "@/lib/server/services/catalogue";
import { listTeamTemplates } from "@/lib/server/services/templates";

export const metadata: Metadata = { title: "Team templates" };

export default async function TemplatesPage() {
  const actor = await requireActor("template.manage");
  const [templates, catalogue] = await Promise.all([listTeamTemplates(actor), builtInCatalogue(actor)]);
  return (
    <>
      <PageHeader
        title="Team templates"
        description="Your team's own checklists, kept as YAML (the format of a project's “Export as YAML”). New projects can start from them next to the built-in catalogue."
      />
      <Card title="Templates">
        <TeamTemplates templates={templates} />
      </Card>
      <p className="mt-4 text-sm text-slate-600">
        <Link href="/projects/new" className="font-medium text-indigo-700 hover:underline">
          Create a project
        </Link>{" "}
        {catalogue && (
          <>
            ·{" "}
            <a href={`/templates/${catalogue.id}/checklist.yaml`} className="font-medium text-indigo-700 hover:underline" download>
              The built-in catalogue as YAML
            </a>{" "}
            (a starting point for your own)
          </>
        )}{" "}
        · the format: docs/checklist-yaml.md
      </p>
    </>
  );
}
