"use client";

import Link from "next/link";
import { Moment } from "@/components/time/moment";
import { useViewerTimeZone } from "@/components/time/viewer-time-zone";
import { describeActivity } from "@/lib/domain/activity-text";
import type { ActivityView } from "@/lib/server/read-models/activity-view";
import type { MemberOption } from "@/lib/server/read-models/project-page";

export function ActivityList({ entries, members, projectId, compact = false, linkItems = true }: {
  entries: ActivityView[];
  members: MemberOption[];
  projectId: string;
  compact?: boolean;
  linkItems?: boolean;
}) {
  const zone = useViewerTimeZone();
  if (entries.length === 0) return <p className="py-2 text-sm text-slate-500">Nothing has happened yet.</p>;
  const names = Object.fromEntries(members.map((m) => [m.userId, m.name]));
  return (
    <ol className={compact ? "space-y-2" : "space-y-3"} aria-label="Activity">
      {entries.map((entry) => (
        <li key={entry.id} className="flex gap-3 text-sm">
          <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-indigo-400" />
          <div className="min-w-0">
            <p className="text-slate-800 [overflow-wrap:anywhere]">
              <span className="font-medium text-slate-900">{entry.actorName}</span> {describeActivity(entry, names, zone)}
            </p>
            <p className="text-xs text-slate-500">
              <Moment iso={entry.at} />
              {linkItems && entry.itemId && entry.action !== "item.deleted" && (
                <>
                  {" · "}
                  <Link href={`/projects/${projectId}/items/${entry.itemId}`} className="[overflow-wrap:anywhere] hover:underline">
                    {typeof entry.after?.title === "string" ? entry.after.title : "View item"}
                  </Link>
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
