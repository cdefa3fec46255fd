import type { Metadata } from "next";
import { MyWorkList, MyDecisionList } from "@/components/projects/my-work-lists";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/access/current-actor";
import { loadMyWork } from "@/lib/server/read-models/my-work";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const actor = await requireActor("project.read");
  const work = await loadMyWork(actor);
  const open = work.overdue.length + work.dueThisWeek.length + work.later.length + work.noDueDate.length;

  return (
    <>
      <PageHeader
        title="My work"
        description="The open items assigned to you across the team's active projects, by when they are due in the team's time zone."
      />
      <div className="space-y-6">
        {open === 0 ? (
          <p className="rounded-xl bg-white p-5 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200" data-testid="my-work-empty">
            Nothing is assigned to you right now. Items you own show up here until they are done, waived or marked N/A; take one from a
            project&apos;s checklist, or ask a lead to assign you.
          </p>
        ) : (
          <>
            <MyWorkList id="overdue" title="Overdue" items={work.overdue} tone="bad" />
            <MyWorkList id="due-this-week" title="Due this week" items={work.dueThisWeek} />
            <MyWorkList id="later" title="Later" items={work.later} />
            <MyWorkList id="no-due-date" title="No due date" items={work.noDueDate} />
          </>
        )}
        {work.decidesWaivers && <MyDecisionList decisions={work.decisions} />}
      </div>
    </>
  );
}
