import type { Metadata } from "next";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/current-actor";
import { builtInCatalogue } from "@/lib/server/services/catalogue";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const actor = await requireActor("project.create");
  const catalogue = await builtInCatalogue(actor);
  return (
    <>
      <PageHeader title="New project" description="A launch to get ready: its checklist, score and gates." />
      <NewProjectForm categories={catalogue?.categories ?? []} />
    </>
  );
}
