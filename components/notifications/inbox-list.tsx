import { Moment } from "@/components/time/moment";
import { cn } from "@/components/ui/cn";
import type { InboxGroup } from "@/lib/server/read-models/inbox";
import { EntryLink, MarkReadButton } from "./inbox-actions";

/** The inbox's entries by project, newest first; an unread entry says so in words and in weight, not by colour alone. */
export function InboxList({ groups }: { groups: InboxGroup[] }) {
  return (
    <div className="space-y-6">
      {groups.map((group) => {
        const id = `inbox-${group.project?.id ?? "team"}`;
        return (
          <section key={id} aria-labelledby={`${id}-title`} data-testid="inbox-group" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id={`${id}-title`} className="border-b border-slate-100 px-4 py-3 text-base font-semibold text-slate-900 [overflow-wrap:anywhere]">
              {group.project?.name ?? "Team"}
            </h2>
            <ul className="divide-y divide-slate-100">
              {group.entries.map((entry) => (
                <li
                  key={entry.id}
                  data-testid="inbox-entry"
                  data-read={entry.read ? "true" : "false"}
                  className={cn("grid gap-x-4 gap-y-1 px-4 py-3 text-sm sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center", !entry.read && "bg-indigo-50/60")}
                >
                  <div className="min-w-0">
                    <p className={cn("flex items-start gap-2", entry.read ? "text-slate-700" : "font-semibold text-slate-900")}>
                      {!entry.read && (
                        <span className="mt-0.5 shrink-0 rounded bg-indigo-600 px-1.5 py-px text-[11px] font-bold uppercase tracking-wide text-white">New</span>
                      )}
                      <EntryLink id={entry.id} href={entry.link} read={entry.read}>
                        {entry.title}
                      </EntryLink>
                    </p>
                    <p className="mt-0.5 text-xs text-slate-600">
                      {entry.kindLabel} · <Moment iso={entry.createdAt} />
                      {entry.read && <span className="sr-only"> · read</span>}
                    </p>
                  </div>
                  {!entry.read && (
                    <div className="sm:justify-self-end">
                      <MarkReadButton id={entry.id} title={entry.title} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
