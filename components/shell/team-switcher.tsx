"use client";

import { useTransition } from "react";
import { switchTeam } from "@/lib/server/actions/team";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

type Team = { teamId: string; teamName: string; role: string };

export function TeamSwitcher({ teams, currentTeamId }: { teams: Team[]; currentTeamId: string }) {
  const [pending, startTransition] = useTransition();
  const current = teams.find((team) => team.teamId === currentTeamId);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex max-w-56 items-center gap-2 rounded-md px-2 py-1.5 text-sm font-semibold text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
        aria-label={`Current team: ${current?.teamName}. Switch team`}
        disabled={pending}
      >
        <span className="truncate">{current?.teamName}</span>
        <span aria-hidden className="text-xs text-indigo-200">▾</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>Your teams</DropdownMenuLabel>
        {teams.map((team) => (
          <DropdownMenuItem
            key={team.teamId}
            onSelect={() => startTransition(async () => void (await switchTeam(team.teamId)))}
            aria-current={team.teamId === currentTeamId ? "true" : undefined}
          >
            <span className="flex-1 truncate">{team.teamName}</span>
            {team.teamId === currentTeamId && <span aria-hidden>✓</span>}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <a href="/welcome">Create a team…</a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
