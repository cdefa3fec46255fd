import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationButton, InvitationSignUpForm } from "@/components/auth/invitation-forms";
import { Alert } from "@/components/ui/alert";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { currentIdentity } from "@/lib/server/identity/identity";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { previewInvitation } from "@/lib/server/services/invitations";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await previewInvitation(token);
  if (!invitation || invitation.status !== "pending") {
    return (
      <AuthCard title="This invitation can't be used">
        <Alert>
          {invitation ? `This invitation has ${invitation.status === "accepted" ? "already been used" : `been ${invitation.status}`}.` : "This invitation link is not valid."}{" "}
          Ask your team&apos;s admin for a new one.
        </Alert>
      </AuthCard>
    );
  }
  const subtitle = `${invitation.invitedBy ?? "A former member of the team"} invited ${invitation.email} to join ${invitation.teamName} as ${ROLE_LABELS[invitation.role]}.`;
  const identity = await currentIdentity();
  const here = `/invite/${token}`;
  if (identity) {
    const matches = identity.email.toLowerCase() === invitation.email;
    return (
      <AuthCard title={`Join ${invitation.teamName}`} subtitle={subtitle}>
        {matches ? (
          <AcceptInvitationButton token={token} teamName={invitation.teamName} />
        ) : (
          <Alert>
            You are signed in as {identity.email}. This invitation is for {invitation.email}: sign out and sign in with that address to accept it.
          </Alert>
        )}
      </AuthCard>
    );
  }
  const signInHref = `/sign-in?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`;
  const hasAccount = (await db.user.count({ where: { email: invitation.email } })) > 0;
  if (config().clerkEnabled || hasAccount) {
    return (
      <AuthCard title={`Join ${invitation.teamName}`} subtitle={subtitle}>
        <p className="text-sm text-slate-600">Sign in as {invitation.email} to accept.</p>
        <Link href={signInHref} className="mt-4 block rounded-md bg-indigo-600 px-3.5 py-2 text-center text-sm font-semibold text-white hover:bg-indigo-500">
          Sign in to accept
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${invitation.teamName}`} subtitle={subtitle}>
      <InvitationSignUpForm token={token} email={invitation.email} />
    </AuthCard>
  );
}
