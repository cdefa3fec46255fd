import type { ReactNode } from "react";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { UserActor } from "@/lib/server/kernel/actor";
import type { TeamMembershipView } from "@/lib/server/services/teams";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AccountMenu } from "./account-menu";
import { ClerkSignOutItem } from "./clerk-sign-out-item";
import { NavLinks } from "./nav-links";
import { SignOutItem } from "./sign-out-item";
import { TeamSwitcher } from "./team-switcher";

export function AppShell({ actor, teams, clerk, unread, children }: { actor: UserActor; teams: TeamMembershipView[]; clerk: boolean; unread: number; children: ReactNode }) {
  const links = [
    { href: "/", label: "Projects" },
    { href: "/my-work", label: "My work" },
    { href: "/members", label: "Members" },
    { href: "/api-docs", label: "API" },
    ...(can(actor.role, "team.rename") ? [{ href: "/settings", label: "Settings" }] : []),
  ];
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="bg-indigo-700 print:hidden">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2.5 sm:px-6">
          <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-lg bg-white text-base font-bold text-indigo-700">S</span>
          <span className="sr-only">Shipshape</span>
          <TeamSwitcher teams={teams} currentTeamId={actor.teamId} />
          <div className="hidden flex-1 sm:block">
            <NavLinks links={links} />
          </div>
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell unread={unread} />
            <AccountMenu
              name={actor.name}
              email={actor.email}
              role={ROLE_LABELS[actor.role]}
              signOut={clerk ? <ClerkSignOutItem /> : <SignOutItem />}
            />
          </div>
        </div>
        <div className="border-t border-white/10 px-2 py-1.5 sm:hidden">
          <NavLinks links={links} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
