"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

// Where the bell asks for its count: app/(app)/inbox/unread/route.ts.
const UNREAD_URL = "/inbox/unread";

/**
 * The header's bell: a link to the inbox, naming the unread count to screen
 * readers and showing it (up to 99+) on the bell. `unread` is the count the
 * server rendered the layout with; since a navigation inside the app keeps
 * the layout as it was, the bell asks again after each one and when its tab
 * comes back into view (another tab may have marked entries read).
 */
export function NotificationBell({ unread }: { unread: number }) {
  // The count the bell last asked for, with the server's count it replaced:
  // once the server renders a newer count (after marking read), that one shows.
  const [asked, setAsked] = useState<{ count: number; over: number } | null>(null);
  const shown = asked && asked.over === unread ? asked.count : unread;
  const server = useRef(unread);
  useEffect(() => {
    server.current = unread;
  }, [unread]);
  const pathname = usePathname();
  const rendered = useRef(pathname);

  useEffect(() => {
    let live = true;
    const refresh = async () => {
      try {
        const response = await fetch(UNREAD_URL, { cache: "no-store", headers: { accept: "application/json" } });
        const body: unknown = response.ok ? await response.json() : null;
        if (live && body && typeof (body as { unread?: unknown }).unread === "number") setAsked({ count: (body as { unread: number }).unread, over: server.current });
      } catch {
        // The count stays as it was; the next navigation asks again.
      }
    };
    // The first render's count is fresh from the server: ask only once the page changed.
    if (rendered.current !== pathname) {
      rendered.current = pathname;
      void refresh();
    }
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      live = false;
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [pathname]);

  const label = shown === 0 ? "Notifications, none unread" : `Notifications, ${shown} unread`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative grid size-9 shrink-0 place-items-center rounded-md text-indigo-100 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="size-5">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {shown > 0 && (
        <span aria-hidden className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-[11px] font-bold leading-5 text-slate-900 tabular-nums">
          {shown > 99 ? "99+" : shown}
        </span>
      )}
    </Link>
  );
}
