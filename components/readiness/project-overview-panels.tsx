import Link from "next/link";
import type { ReactNode } from "react";
import { Moment } from "@/components/time/moment";
import { cn } from "@/components/ui/cn";
import { formatDay } from "@/lib/domain/format";
import type { ItemView } from "@/lib/server/read-models/item-view";
import type { OverviewList, PendingWaiverView, ProjectOverview } from "@/lib/server/read-models/project-page";
import { PriorityBadge } from "./priority-badge";

type Props = {
  projectId: string;
  overview: ProjectOverview;
  // May the viewer decide waivers (then "and N more" leads to their list of decisions)?
  decidesWaivers: boolean;
};

// What a lead asks first, under the score: who is on each launch blocker and
// by when, which waivers wait for a decision, and what is due this week.
export function ProjectOverviewPanels({ projectId, overview, decidesWaivers }: Props) {
  const itemHref = (itemId: string) => `/projects/${projectId}/items/${itemId}`;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3" data-testid="project-overview">
      <Panel
        id="overview-blockers"
        title="Launch blockers"
        list={overview.blockers}
        empty="No launch blocker: every critical item is done or waived."
        more={{ href: `/projects/${projectId}?priority=CRITICAL&open=1#items`, label: "in the checklist" }}
        tone={overview.blockers.total > 0 ? "bad" : undefined}
      >
        {(item: ItemView) => <ItemRow key={item.id} item={item} href={itemHref(item.id)} />}
      </Panel>
      <Panel
        id="overview-waivers"
        title="Waivers waiting for a decision"
        list={overview.pendingWaivers}
        empty="No waiver is waiting for a decision."
        more={decidesWaivers ? { href: "/my-work#decisions", label: "in My work" } : undefined}
      >
        {(waiver: PendingWaiverView) => <WaiverRow key={waiver.waiverId} waiver={waiver} href={itemHref(waiver.itemId)} />}
      </Panel>
      <Panel
        id="overview-due"
        title="Due this week"
        list={overview.dueThisWeek}
        empty="Nothing open is due in the next seven days."
        more={{ href: `/projects/${projectId}?dueThisWeek=1#items`, label: "in the checklist" }}
      >
        {(item: ItemView) => <ItemRow key={item.id} item={item} href={itemHref(item.id)} showPriority />}
      </Panel>
    </div>
  );
}

function Panel<T>({
  id,
  title,
  list,
  empty,
  more,
  tone,
  children,
}: {
  id: string;
  title: string;
  list: OverviewList<T>;
  empty: string;
  more?: { href: string; label: string };
  tone?: "bad";
  children: (entry: T) => ReactNode;
}) {
  const hidden = list.total - list.shown.length;
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id} className="min-w-0 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="flex items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">
        {title}
        <span className={cn("tabular-nums", tone === "bad" ? "text-red-600" : "text-slate-500")}>{list.total}</span>
      </h2>
      {list.total === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {list.shown.map(children)}
          {hidden > 0 && (
            <li className="px-4 py-2 text-sm">
              {more ? (
                <Link href={more.href} className="font-medium text-indigo-600 hover:underline">
                  and {hidden} more {more.label}
                </Link>
              ) : (
                <span className="text-slate-500">and {hidden} more</span>
              )}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function ItemRow({ item, href, showPriority = false }: { item: ItemView; href: string; showPriority?: boolean }) {
  return (
    <li className="px-4 py-2.5 text-sm">
      <Link href={href} className="font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700 hover:underline">
        {item.title}
      </Link>
      <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        {showPriority && <PriorityBadge priority={item.priority} />}
        {item.ownerName ? (
          <span className="[overflow-wrap:anywhere]">{item.ownerName}</span>
        ) : (
          <span className="font-medium text-amber-700">Unassigned</span>
        )}
        <span aria-hidden>·</span>
        <DueDay item={item} />
      </p>
    </li>
  );
}

function DueDay({ item }: { item: Pick<ItemView, "dueDate" | "overdue"> }) {
  if (!item.dueDate) return <span className="text-slate-500">No due date</span>;
  return item.overdue ? (
    <span className="font-medium text-red-600">Overdue since {formatDay(item.dueDate)}</span>
  ) : (
    <span>Due {formatDay(item.dueDate)}</span>
  );
}

function WaiverRow({ waiver, href }: { waiver: PendingWaiverView; href: string }) {
  return (
    <li className="px-4 py-2.5 text-sm">
      <Link href={href} className="font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700 hover:underline">
        {waiver.itemTitle}
      </Link>
      <p className="mt-0.5 text-xs text-slate-600">
        Requested by {waiver.requestedByName ?? "a former member"}, <Moment iso={waiver.requestedAt} />; until {formatDay(waiver.expiresOn)}
      </p>
      <p className="mt-1 line-clamp-3 text-xs text-slate-700 [overflow-wrap:anywhere]">“{waiver.reason}”</p>
    </li>
  );
}
