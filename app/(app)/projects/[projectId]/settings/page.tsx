import Link from "next/link";
import type { Metadata } from "next";
import { CategoryManager } from "@/components/projects/category-manager";
import { ProjectDetailsForm } from "@/components/projects/project-details-form";
import { ArchiveProject, DeleteProject } from "@/components/projects/project-lifecycle";
import { ProjectHeader } from "@/components/projects/project-header";
import { ScoringSettingsForm } from "@/components/projects/scoring-settings-form";
import { Card } from "@/components/ui/card";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { can } from "@/lib/domain/permissions";
import { needsEvidenceByPolicy } from "@/lib/domain/readiness/policy-impact";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadProjectPage } from "@/lib/server/read-models/project-page";
import { pageOrNotFound } from "@/lib/server/page-data";
import { listWebhooks } from "@/lib/server/services/webhooks";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor("project.update");
  const { projectId } = await params;
  const page = await pageOrNotFound(loadProjectPage(actor, projectId));
  const { project } = page;
  const webhooks = can(actor.role, "webhook.manage") ? await listWebhooks(actor, { projectId: project.id }) : null;
  const categories = page.categories.map((c) => ({ ...c, items: page.items.filter((i) => i.categoryId === c.id).length }));
  return (
    <>
      <ProjectHeader project={project} role={actor.role} current="settings" />
      <div className="max-w-3xl space-y-6">
        {!project.archived && (
          <>
            <Card title="Details">
              <ProjectDetailsForm project={project} />
            </Card>
            <Card title="Scoring" description="When evidence is required, and how much each priority weighs.">
              <ScoringSettingsForm project={project} needsEvidence={needsEvidenceByPolicy(page.items)} />
            </Card>
            {can(actor.role, "category.manage") && (
              <Card title="Categories" description="Rename (Enter or leave the field), reorder, add or delete.">
                <CategoryManager projectId={project.id} categories={categories} />
              </Card>
            )}
            {webhooks && (
              <div id="webhooks" className="scroll-mt-4">
              <Card
                title="Chat and webhooks"
                description="Post this project's events (or the whole team's) to a Slack or Microsoft Teams channel through its incoming webhook, or as signed JSON to your own endpoint (docs/webhooks.md). Failed deliveries are retried for a day; after 10 failures in a row a destination is turned off and you are told."
              >
                <div className="space-y-6">
                  <WebhookForm projectId={project.id} projectName={project.name} />
                  <WebhookList webhooks={webhooks} />
                </div>
              </Card>
              </div>
            )}
            {can(actor.role, "item.create") && (
              <Card title="Import" description="Merge a Markdown readiness document or a YAML checklist into this project: items are matched by key or title, statuses updated and evidence added; nothing is deleted. Export the checklist as YAML to keep it in a repository.">
                <div className="flex flex-wrap gap-4 text-sm font-medium">
                  <Link href={`/projects/import?projectId=${project.id}`} className="text-indigo-700 hover:underline">
                    Import a document into this project
                  </Link>
                  <a href={`/projects/${project.id}/checklist.yaml`} className="text-indigo-700 hover:underline" download>
                    Export as YAML (checklist as code)
                  </a>
                </div>
              </Card>
            )}
          </>
        )}
        <Card title={project.archived ? "Restore" : "Archive"}>
          <ArchiveProject projectId={project.id} archived={project.archived} />
        </Card>
        {can(actor.role, "project.delete") && (
          <Card title="Delete project" className="ring-red-200">
            <DeleteProject projectId={project.id} name={project.name} />
          </Card>
        )}
      </div>
    </>
  );
}
