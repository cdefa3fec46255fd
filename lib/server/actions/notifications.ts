"use server";

// The signed-in person's inbox: marking entries read. The header's bell is on
// every page, so every page is refreshed.
import { markAllRead, markRead } from "@/lib/server/services/notifications";
import { defineAction } from "./define-action";
import { everyPage } from "./pages";

/** Marks one or more of one's own entries read; answers `{ marked }`. */
export const markNotificationsReadAction = defineAction({
  run: (actor, notificationIds: string[]) => markRead(actor, { notificationIds }),
  revalidate: () => everyPage,
});

/** Marks every unread entry of one's inbox in the current team that had arrived by `upTo` (the page's `asOf`) read; answers `{ marked }`. */
export const markAllNotificationsReadAction = defineAction({
  run: (actor, upTo: string) => markAllRead(actor, { upTo }),
  revalidate: () => everyPage,
});
