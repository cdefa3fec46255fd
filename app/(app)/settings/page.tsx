import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokenForm } from "@/components/team/api-token-form";
import { ApiTokenList } from "@/components/team/api-token-list";
import { RenameTeamForm } from "@/components/team/rename-team-form";
import { RepositoryTokenForm } from "@/components/team/repository-token-form";
import { RepositoryTokenList } from "@/components/team/repository-token-list";
import { TeamTimeZoneForm } from "@/components/team/team-time-zone-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { offsetLabel, timeZoneOptions } from "@/lib/domain/time-zone";
import { requireActor } from "@/lib/server/access/current-actor";
import { listApiTokens } from "@/lib/server/services/api-tokens";
import { listRepositoryTokens } from "@/lib/server/services/repository-tokens";
import { currentTeam } from "@/lib/server/services/teams";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage() {
  const actor = await requireActor("team.rename");
  const [team, tokens, repositoryTokens] = await Promise.all([currentTeam(actor), listApiTokens(actor), listRepositoryTokens(actor)]);
  return (
    <>
      <PageHeader title="Team settings" description="Only admins see this page." />
      <div className="space-y-6">
        <Card title="Team name" className="max-w-xl">
          <RenameTeamForm name={team.name} />
          <p className="mt-4 text-xs text-slate-500">
            Slug for scripts and the CLI: <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-700" data-testid="team-slug">{team.slug}</code> (kept when the team is renamed)
          </p>
        </Card>
        <Card
          title="Time zone"
          className="max-w-xl"
          description="The team's calendar: what “today”, “overdue” and “due this week” mean, when the daily snapshot is taken, forecast dates, and the day a “re-verify by” or waiver date ends. Times of day are shown to each person in their own zone."
        >
          <p className="mb-4 text-sm text-slate-700" data-testid="team-time-zone">
            Now <strong>{team.timeZone}</strong> ({offsetLabel(team.timeZone, new Date())})
          </p>
          <TeamTimeZoneForm timeZone={team.timeZone} options={timeZoneOptions(new Date(), team.timeZone)} />
        </Card>
        <Card
          title="API tokens"
          description="For scripts and CI pipelines calling the REST API. Read tokens can read; write tokens can also create projects, update items and attach evidence. Changes made with a token appear in the activity log under the token's name."
        >
          <div className="space-y-6">
            <ApiTokenForm />
            <ApiTokenList tokens={tokens} />
            <p className="text-sm text-slate-600">
              How to call the API: <Link href="/api-docs" className="font-medium text-indigo-700 hover:underline">API reference</Link> ·{" "}
              <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 hover:underline">
                OpenAPI document
              </a>
            </p>
          </div>
        </Card>
        <Card
          title="Read tokens for repository checks"
          description="Repository checks of https:// repositories on a host clone with the team's token for that host. Tokens are stored encrypted and never shown again. Write API tokens can manage them too (/api/v1/repository-tokens)."
        >
          <div className="space-y-6">
            <RepositoryTokenForm />
            <RepositoryTokenList tokens={repositoryTokens} />
          </div>
        </Card>
      </div>
    </>
  );
}
