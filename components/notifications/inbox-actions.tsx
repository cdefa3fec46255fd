"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationsReadAction } from "@/lib/server/actions/notifications";

/** The entry's sentence as a link to where it leads; following an unread one marks it read. */
export function EntryLink({ id, href, read, children }: { id: string; href: string; read: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      prefetch={false}
      onClick={() => {
        // Marking read is a side matter: the page goes on whether or not it is recorded.
        if (!read) void markNotificationsReadAction([id]);
      }}
      className="[overflow-wrap:anywhere] hover:text-indigo-700 hover:underline"
    >
      {children}
    </Link>
  );
}

/** "Mark read" for one entry. */
export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={pending}
        aria-label={`Mark read: ${title}`}
        onClick={() =>
          start(async () => {
            const result = await markNotificationsReadAction([id]);
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {pending ? "Marking…" : "Mark read"}
      </Button>
      {error && <Alert>{error}</Alert>}
    </>
  );
}

/** "Mark all read": every unread entry of the inbox in this team that had arrived when the page was loaded (`asOf`). */
export function MarkAllReadButton({ unread, asOf }: { unread: number; asOf: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending || unread === 0}
        onClick={() =>
          start(async () => {
            const result = await markAllNotificationsReadAction(asOf);
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {pending ? "Marking…" : "Mark all read"}
      </Button>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
