import Link from "next/link";
import type { ReactNode } from "react";
import { PriorityBadge } from "@/components/readiness/priority-badge";
import { StandingBadge } from "@/components/readiness/standing-badge";
import { Moment } from "@/components/time/moment";
import { cn } from "@/components/ui/cn";
import { formatDay, formatHours } from "@/lib/domain/format";
import type { MyDecision, MyWorkItem } from "@/lib/server/read-models/my-work";

const itemHref = (projectId: string, itemId: string) => `/projects/${projectId}/items/${itemId}`;

function Group({ id, title, count, tone, children }: { id: string; title: string; count: number; tone?: "bad"; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} data-testid={`my-work-${id}`} className="scroll-mt-4 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="flex items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3 text-base font-semibold text-slate-900">
        {title}
        <span className={cn("text-sm tabular-nums", tone === "bad" && count > 0 ? "text-red-600" : "text-slate-500")}>{count}</span>
      </h2>
      {children}
    </section>
  );
}

// One row per item: on a phone the details wrap under the title, on wider
// screens they line up in columns.
function Row({ href, title, project, children, detail }: { href: string; title: string; project: string; children: ReactNode; detail?: ReactNode }) {
  return (
    <li className="grid gap-x-4 gap-y-1 px-4 py-3 text-sm sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
      <div className="min-w-0">
        <Link href={href} className="font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700 hover:underline">
          {title}
        </Link>
        <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">{project}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 sm:justify-end">{children}</div>
      {detail && <div className="text-xs text-slate-600 sm:col-span-2">{detail}</div>}
    </li>
  );
}

/** One group of my open items; groups with nothing in them say so in a line. */
export function MyWorkList({ id, title, items, tone }: { id: string; title: string; items: MyWorkItem[]; tone?: "bad" }) {
  return (
    <Group id={id} title={title} count={items.length} tone={tone}>
      {items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">Nothing {title.toLowerCase()}.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <Row key={item.itemId} href={itemHref(item.projectId, item.itemId)} title={item.title} project={item.projectName}>
              <StandingBadge standing={item.standing} />
              <PriorityBadge priority={item.priority} />
              <span className={cn("whitespace-nowrap", tone === "bad" && "font-medium text-red-600")}>{item.dueDate ? `Due ${formatDay(item.dueDate)}` : "No due date"}</span>
              {item.effortHours !== null && <span className="whitespace-nowrap">{formatHours(item.effortHours)}</span>}
            </Row>
          ))}
        </ul>
      )}
    </Group>
  );
}

/** The waiver requests waiting for my decision, oldest first. */
export function MyDecisionList({ decisions }: { decisions: MyDecision[] }) {
  return (
    <Group id="decisions" title="Waiting for my decision" count={decisions.length}>
      {decisions.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No waiver request is waiting for you.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {decisions.map((decision) => (
            <Row
              key={decision.waiverId}
              href={itemHref(decision.projectId, decision.itemId)}
              title={decision.itemTitle}
              project={decision.projectName}
              detail={
                <>
                  Waiver requested by {decision.requestedByName ?? "a former member"}, <Moment iso={decision.requestedAt} />, until {formatDay(decision.expiresOn)}:{" "}
                  <span className="text-slate-800 [overflow-wrap:anywhere]">“{decision.reason}”</span>
                </>
              }
            >
              <StandingBadge standing={decision.standing} />
              <PriorityBadge priority={decision.priority} />
              <span className="whitespace-nowrap">{decision.dueDate ? `Due ${formatDay(decision.dueDate)}` : "No due date"}</span>
            </Row>
          ))}
        </ul>
      )}
    </Group>
  );
}
