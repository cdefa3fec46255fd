import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MarkAllReadButton } from "@/components/notifications/inbox-actions";
import { InboxList } from "@/components/notifications/inbox-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/access/current-actor";
import { AppError } from "@/lib/server/kernel/errors";
import { loadInbox } from "@/lib/server/read-models/inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const actor = await requireActor("team.read");
  const { cursor } = await searchParams;
  const inbox = await loadInbox(actor, { cursor: typeof cursor === "string" ? cursor : undefined }).catch((error: unknown) => {
    // An older page's address that is not this person's in this team (another
    // tab after switching teams, a shared or mangled address): the first page.
    if (cursor !== undefined && error instanceof AppError && error.code === "VALIDATION") redirect("/inbox");
    throw error;
  });
  const empty = inbox.groups.length === 0;

  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          inbox.unread === 0
            ? "What needs you in this team: items assigned to you, waivers to decide, mentions and replies. Nothing unread."
            : `What needs you in this team: items assigned to you, waivers to decide, mentions and replies. ${inbox.unread} unread.`
        }
        actions={<MarkAllReadButton unread={inbox.unread} asOf={inbox.asOf} />}
      />
      {empty ? (
        <p className="rounded-xl bg-white p-5 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200" data-testid="inbox-empty">
          {cursor ? "No older notifications." : "Nothing here yet. When someone assigns you an item, asks for your decision on a waiver or mentions you, it shows up here."}
        </p>
      ) : (
        <InboxList groups={inbox.groups} />
      )}
      {inbox.nextCursor && (
        <p className="mt-6 text-sm">
          <Link href={`/inbox?cursor=${encodeURIComponent(inbox.nextCursor)}`} className="font-medium text-indigo-700 hover:underline">
            Older notifications
          </Link>
        </p>
      )}
    </>
  );
}
