import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { ViewerTimeZoneProvider } from "@/components/time/viewer-time-zone";
import { requireActor } from "@/lib/server/auth/current-actor";
import { config } from "@/lib/server/config";
import { teamsOf } from "@/lib/server/services/teams";
import { viewerTimeZone } from "@/lib/server/viewer-time-zone";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [teams, zone] = await Promise.all([teamsOf(actor.userId), viewerTimeZone(actor.timeZone)]);
  return (
    <ViewerTimeZoneProvider zone={zone}>
      <AppShell actor={actor} teams={teams} clerk={config().clerkEnabled}>
        {children}
      </AppShell>
    </ViewerTimeZoneProvider>
  );
}
