import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/activity/activity-list";
import { ProjectHeader } from "@/components/projects/project-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/server/kernel/actor";
import { requireActor } from "@/lib/server/access/current-actor";
import { AppError } from "@/lib/server/kernel/errors";
import { loadProjectFeed } from "@/lib/server/read-models/activity-feed";
import { pageOrNotFound } from "@/lib/server/page-data";

export const metadata: Metadata = { title: "Project activity" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ after?: string | string[] }> };

// A link whose `after` is mangled or belongs to another project's feed shows
// the newest entries and says so, rather than failing the page.
async function feedOf(actor: Actor, projectId: string, after: string | undefined) {
  try {
    return { feed: await loadProjectFeed(actor, projectId, after), linkRefused: false };
  } catch (error) {
    if (after === undefined || !(error instanceof AppError) || error.code !== "VALIDATION") throw error;
    return { feed: await loadProjectFeed(actor, projectId), linkRefused: true };
  }
}

export default async function ProjectActivityPage({ params, searchParams }: Props) {
  const actor = await requireActor("activity.read");
  const { projectId } = await params;
  const { after } = await searchParams;
  const { feed, linkRefused } = await pageOrNotFound(feedOf(actor, projectId, Array.isArray(after) ? after[0] : after));
  return (
    <>
      <ProjectHeader project={feed.project} role={actor.role} current="activity" />
      <Card title="Activity" description="Every change to this project, newest first. The log is append-only.">
        {linkRefused && (
          <div className="mb-3">
            <Alert tone="info">That link to older activity is not valid for this project, so the newest activity is shown.</Alert>
          </div>
        )}
        <ActivityList entries={feed.entries} members={feed.members} projectId={projectId} />
        {feed.nextCursor && (
          <Link
            href={`/projects/${projectId}/activity?after=${encodeURIComponent(feed.nextCursor)}`}
            className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:underline"
          >
            Older activity
          </Link>
        )}
      </Card>
    </>
  );
}
