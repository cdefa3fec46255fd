import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/activity/activity-list";
import { ProjectHeader } from "@/components/projects/project-header";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/server/auth/current-actor";
import { loadProjectFeed } from "@/lib/server/read-models/activity-feed";
import { pageOrNotFound } from "@/lib/server/page-data";

export const metadata: Metadata = { title: "Project activity" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ after?: string }> };

export default async function ProjectActivityPage({ params, searchParams }: Props) {
  const actor = await requireActor("activity.read");
  const { projectId } = await params;
  const { after } = await searchParams;
  const feed = await pageOrNotFound(loadProjectFeed(actor, projectId, after));
  return (
    <>
      <ProjectHeader project={feed.project} role={actor.role} current="activity" />
      <Card title="Activity" description="Every change to this project, newest first. The log is append-only.">
        <ActivityList entries={feed.entries} members={feed.members} projectId={projectId} />
        {feed.nextCursor && (
          <Link href={`/projects/${projectId}/activity?after=${feed.nextCursor}`} className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:underline">
            Older activity
          </Link>
        )}
      </Card>
    </>
  );
}
