import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { ViewerTimeZoneProvider } from "@/components/time/viewer-time-zone";
import { requireActor, teamsOfPerson } from "@/lib/server/access/current-actor";
import { config } from "@/lib/server/kernel/config";
import { unreadNotificationCount } from "@/lib/server/read-models/inbox";
import { sentTimeZone, viewerTimeZone } from "@/lib/server/access/viewer-time-zone";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // Until the browser has sent its zone, moments are shown in the team's. The
  // teams are the ones the actor was chosen from: the same query, run once.
  // The bell's count is one indexed count, whatever the inbox holds.
  const [teams, zone, sent, unread] = await Promise.all([teamsOfPerson(actor.userId), viewerTimeZone(actor.timeZone), sentTimeZone(), unreadNotificationCount(actor)]);
  return (
    <ViewerTimeZoneProvider zone={zone} sent={sent}>
      <AppShell actor={actor} teams={teams} clerk={config().clerkEnabled} unread={unread}>
        {children}
      </AppShell>
    </ViewerTimeZoneProvider>
  );
}
