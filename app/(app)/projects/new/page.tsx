import Link from "next/link";
import type { Metadata } from "next";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/access/current-actor";
import { builtInCatalogue } from "@/lib/server/services/catalogue";
import { listTeamTemplates } from "@/lib/server/services/templates";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const actor = await requireActor("project.create");
  const [catalogue, teamTemplates] = await Promise.all([builtInCatalogue(actor), listTeamTemplates(actor)]);
  const templates = [
    { key: "", name: catalogue?.name ?? "Built-in catalogue", categories: catalogue?.categories ?? [] },
    ...teamTemplates.map(({ key, name, categories }) => ({ key, name, categories })),
  ];
  return (
    <>
      <PageHeader title="New project" description="A launch to get ready: its checklist, score and gates." actions={<Link href="/templates" className="text-sm font-medium text-indigo-700 hover:underline">Team templates</Link>} />
      <NewProjectForm templates={templates} />
    </>
  );
}
