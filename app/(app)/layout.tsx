import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/server/auth/current-actor";
import { config } from "@/lib/server/config";
import { teamsOf } from "@/lib/server/services/teams";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const teams = await teamsOf(actor.userId);
  return (
    <AppShell actor={actor} teams={teams} clerk={config().clerkEnabled}>
      {children}
    </AppShell>
  );
}
