import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/server/auth/current-actor";
import { currentTeamName } from "@/lib/server/services/teams";

export const metadata: Metadata = { title: "Projects" };

export default async function TeamHomePage() {
  const actor = await requireActor("project.read");
  const teamName = await currentTeamName(actor);
  return (
    <>
      <PageHeader title="Projects" description={`What ${teamName} is getting ready to launch.`} />
      <Card>
        <div className="flex flex-col items-center px-4 py-12 text-center">
          <div aria-hidden className="mb-4 grid size-12 place-items-center rounded-full bg-indigo-50 text-2xl text-indigo-600">◐</div>
          <h2 className="text-base font-semibold text-slate-900">No projects yet</h2>
          <p className="mt-1 max-w-md text-sm text-slate-600">
            A project is a launch you are getting ready: its checklist, readiness score and launch gates live here.
          </p>
          {can(actor.role, "member.invite") && (
            <p className="mt-4 text-sm text-slate-600">
              Meanwhile,{" "}
              <Link href="/members" className="font-medium text-indigo-600 hover:underline">
                invite your team
              </Link>
              .
            </p>
          )}
        </div>
      </Card>
    </>
  );
}
