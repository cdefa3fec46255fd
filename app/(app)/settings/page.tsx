import type { Metadata } from "next";
import { RenameTeamForm } from "@/components/team/rename-team-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/current-actor";
import { currentTeamName } from "@/lib/server/services/teams";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage() {
  const actor = await requireActor("team.rename");
  const teamName = await currentTeamName(actor);
  return (
    <>
      <PageHeader title="Team settings" description="Only admins see this page." />
      <Card title="Team name" className="max-w-xl">
        <RenameTeamForm name={teamName} />
      </Card>
    </>
  );
}
