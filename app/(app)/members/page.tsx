import type { Metadata } from "next";
import { InviteForm } from "@/components/team/invite-form";
import { MemberList } from "@/components/team/member-list";
import { PendingInvitations } from "@/components/team/pending-invitations";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/server/access/current-actor";
import { config } from "@/lib/server/kernel/config";
import { listOpenInvitations } from "@/lib/server/services/invitations";
import { listMembers, openItemsByMember } from "@/lib/server/services/members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const actor = await requireActor("member.list");
  const manage = can(actor.role, "member.invite");
  // With Clerk, passwords are Clerk's: there is nothing to reset here.
  const resetLinks = can(actor.role, "member.resetPassword") && !config().clerkEnabled;
  const [members, invitations, openItems] = await Promise.all([
    listMembers(actor),
    manage ? listOpenInvitations(actor) : [],
    can(actor.role, "member.remove") ? openItemsByMember(actor) : {},
  ]);
  return (
    <>
      <PageHeader title="Members" description="Who is in this team and what each person may do." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Team members" description={`${members.length} ${members.length === 1 ? "person" : "people"}`}>
            <MemberList members={members} currentUserId={actor.userId} manage={manage} resetLinks={resetLinks} openItems={openItems} />
          </Card>
          {manage && invitations.length > 0 && (
            <Card title="Pending invitations" description="Sending a new link makes the old one stop working.">
              <PendingInvitations invitations={invitations} />
            </Card>
          )}
        </div>
        {manage && (
          <Card
            title="Invite someone"
            description={config().mailEnabled ? "They get an email with a link; you can also copy it." : "Copy the link and send it to them; it is valid for 7 days."}
          >
            <InviteForm />
          </Card>
        )}
      </div>
    </>
  );
}
