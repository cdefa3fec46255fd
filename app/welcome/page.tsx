import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateTeamForm } from "@/components/team/create-team-form";
import { timeZoneOptions } from "@/lib/domain/time-zone";
import { requireIdentity } from "@/lib/server/access/current-actor";
import { teamsOf } from "@/lib/server/services/teams";

export const metadata: Metadata = { title: "Create a team" };

// People who belong to no team yet land here, and anyone may start a new team.
export default async function WelcomePage() {
  const identity = await requireIdentity();
  const teams = await teamsOf(identity.userId);
  return (
    <AuthCard
      title={teams.length ? "Create another team" : "You're not in a team yet"}
      subtitle={
        teams.length
          ? "You become the new team's admin."
          : "Ask a team admin for an invitation link, or start a team of your own and invite others."
      }
    >
      <CreateTeamForm timeZones={timeZoneOptions(new Date())} />
      {teams.length > 0 && (
        <Link href="/" className="mt-4 block text-center text-sm font-medium text-indigo-600 hover:underline">
          Back to {teams[0].teamName}
        </Link>
      )}
      {teams.length === 0 && (
        <Link href="/account" className="mt-4 block text-center text-xs text-slate-500 hover:underline">
          Delete my account
        </Link>
      )}
    </AuthCard>
  );
}
