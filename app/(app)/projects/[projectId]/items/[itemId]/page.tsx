import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/activity/activity-list";
import { ItemChecksPanel } from "@/components/checks/item-checks-panel";
import { Discussion } from "@/components/comments/discussion";
import { EvidenceList } from "@/components/items/evidence-list";
import { ItemGuidanceForm } from "@/components/items/item-guidance-form";
import { ItemRow } from "@/components/items/item-row";
import { Markdown } from "@/components/items/markdown";
import { NotesEditor } from "@/components/items/notes-editor";
import { WaiverPanel } from "@/components/items/waiver-panel";
import { PriorityBadge } from "@/components/readiness/priority-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/domain/permissions";
import { evidenceRequired, EVIDENCE_POLICY_LABEL } from "@/lib/domain/readiness/vocabulary";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadItemPage } from "@/lib/server/read-models/item-page";
import { listChecks, recentCheckResults } from "@/lib/server/services/checks";
import { listComments } from "@/lib/server/services/comments";
import { pageOrNotFound } from "@/lib/server/page-data";

type Props = { params: Promise<{ projectId: string; itemId: string }> };

export const metadata: Metadata = { title: "Item" };

export default async function ItemPage({ params }: Props) {
  const actor = await requireActor("project.read");
  const { projectId, itemId } = await params;
  const page = await pageOrNotFound(loadItemPage(actor, projectId, itemId));
  const { item, project } = page;
  const [checks, checkResults, discussion] = await Promise.all([
    listChecks(actor, { projectId, itemKey: item.key }),
    recentCheckResults(actor, { projectId, itemKey: item.key }),
    listComments(actor, { itemId: item.id }),
  ]);
  const writable = !project.archived;
  const needsEvidence = evidenceRequired(project.evidencePolicy, item.priority);

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:text-slate-900 hover:underline">Projects</Link> /{" "}
        <Link href={`/projects/${projectId}`} className="hover:text-slate-900 hover:underline">{project.name}</Link> /{" "}
        <Link href={`/projects/${projectId}?category=${item.categoryId}#items`} className="hover:text-slate-900 hover:underline">{page.categoryName}</Link>
      </nav>
      <div className="mb-6 mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{item.title}</h1>
        <PriorityBadge priority={item.priority} />
        <code className="text-xs text-slate-600">{item.key}</code>
        {discussion.comments.length > 0 && (
          <a href="#discussion" className="text-sm text-slate-500 hover:text-slate-900 hover:underline">
            {discussion.comments.length} {discussion.comments.length === 1 ? "comment" : "comments"}
          </a>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          {project.archived && <Alert tone="info">This project is archived; its items are read only.</Alert>}
          {item.standing === "NEEDS_EVIDENCE" && (
            <Alert tone="info">
              This item is marked done, but the project&apos;s evidence policy asks for evidence at its priority and it has none. It counts as partial, and clears no level, until
              someone adds evidence.
            </Alert>
          )}
          {item.standing === "STALE" && (
            <Alert tone="info">All evidence for this item has expired. It counts as partial until someone re-verifies it and adds current evidence.</Alert>
          )}
          <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <ul>
              <ItemRow
                projectId={projectId}
                initial={item}
                members={page.members}
                archived={project.archived}
                stacked
                viewerId={actor.userId}
                can={{ status: can(actor.role, "item.updateStatus"), owner: can(actor.role, "item.assignOwner"), edit: can(actor.role, "item.edit"), planOwn: can(actor.role, "item.planOwn") }}
              />
            </ul>
          </div>
          <Card title="Why it matters">
            <p className="whitespace-pre-line text-sm text-slate-800">{item.why || "—"}</p>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">How to verify</h3>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{item.howToVerify || "—"}</p>
          </Card>
          <Card
            title="Checks"
            description={
              checks.length > 0 ? "Automated checks verify this item: it is Done while they pass, and falls after failures in a row." : undefined
            }
          >
            <ItemChecksPanel
              itemId={item.id}
              checks={checks}
              results={checkResults}
              waived={item.standing === "WAIVED"}
              canManage={writable && can(actor.role, "check.manage")}
              canRun={writable && can(actor.role, "check.run")}
            />
          </Card>
          <Card
            title="Evidence"
            description={
              needsEvidence
                ? `Required before this item is done (policy: ${EVIDENCE_POLICY_LABEL[project.evidencePolicy].toLowerCase()}).`
                : item.priority === null && project.evidencePolicy !== "NONE"
                  ? `Not required while the item needs triage; required as soon as it is given a priority the policy covers (${EVIDENCE_POLICY_LABEL[project.evidencePolicy].toLowerCase()}).`
                  : "Optional for this item under the project's policy."
            }
          >
            <EvidenceList itemId={item.id} evidence={page.evidence} removal={page.evidenceRemoval} repositoryUrl={project.repositoryUrl} canAdd={writable && can(actor.role, "evidence.add")} canRemove={writable && can(actor.role, "evidence.remove")} />
          </Card>
          <Card title="Notes">
            <NotesEditor item={item} canEdit={writable && can(actor.role, "item.updateNotes")} rendered={<Markdown>{item.notes}</Markdown>} />
          </Card>
          <div id="discussion" className="scroll-mt-6">
            <Card title="Discussion">
              <Discussion
                itemId={item.id}
                comments={discussion.comments}
                members={discussion.members}
                viewerName={actor.name}
                canComment={writable && can(actor.role, "comment.create")}
              />
            </Card>
          </div>
        </div>
        <div className="space-y-6">
          <Card title="Waiver">
            <WaiverPanel
              itemId={item.id}
              waivers={page.waivers}
              userId={actor.userId}
              canRequest={writable && can(actor.role, "waiver.request")}
              canDecide={writable && can(actor.role, "waiver.decide")}
            />
          </Card>
          {writable && can(actor.role, "item.edit") && (
            <Card title="Edit item">
              <ItemGuidanceForm item={item} categories={page.categories} />
            </Card>
          )}
          <Card title="History">
            <ActivityList entries={page.history} members={page.members} projectId={projectId} compact linkItems={false} />
          </Card>
        </div>
      </div>
    </>
  );
}
