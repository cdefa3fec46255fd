import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutOthersForm } from "@/components/account/sign-out-others-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { clerkAccountPortal } from "@/lib/domain/clerk-account-portal";
import { currentMember, requireIdentity, teamsOfPerson } from "@/lib/server/access/current-actor";
import { config } from "@/lib/server/kernel/config";
import { notificationSettings } from "@/lib/server/services/notification-preferences";

export const metadata: Metadata = { title: "Your account" };

// Outside the team shell: a person who belongs to no team has an account too.
// With Clerk, the name and password are the identity provider's.
export default async function AccountPage() {
  const identity = await requireIdentity();
  const { clerkEnabled, mailEnabled, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY } = config();
  // E-mail settings are per team: those of the team the person has selected.
  const member = await currentMember();
  const settings = member ? await notificationSettings(member) : null;
  const teamName = member ? (await teamsOfPerson(member.userId)).find((team) => team.teamId === member.teamId)?.teamName : undefined;
  const portal = clerkEnabled ? clerkAccountPortal(NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) : undefined;
  const provider = (
    <p className="text-sm text-slate-700">
      Your name and password are managed by your organisation&apos;s sign-in provider.{" "}
      {portal && (
        <a className="font-medium text-indigo-600 hover:underline" href={portal} rel="noreferrer">
          Manage them there
        </a>
      )}
    </p>
  );
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      <Link href="/" className="mb-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
        ← Back to Shipshape
      </Link>
      <PageHeader title="Your account" description={`${identity.name} · ${identity.email}`} />
      <div className="space-y-6">
        <Card title="Profile" description="Your name as your teams see it, on everything you did.">
          {clerkEnabled ? (
            <div className="space-y-2 text-sm text-slate-700">
              <p>
                {identity.name} · {identity.email}
              </p>
              {provider}
            </div>
          ) : (
            <ProfileForm name={identity.name} email={identity.email} />
          )}
        </Card>
        <Card title="Password">{clerkEnabled ? provider : <ChangePasswordForm />}</Card>
        {!clerkEnabled && (
          <Card title="Sessions" description="Signed in on another computer, or on one that is not yours any more? End every session but this one.">
            <SignOutOthersForm />
          </Card>
        )}
        {settings && (
          <section id="notifications" aria-label="E-mail notifications">
            <Card
              title="E-mail notifications"
              description={`How often you hear by e-mail of what happens in ${teamName ?? "your team"}. Digests come at 08:00 in the team's time zone, daily or on Mondays; whatever you have read in your inbox by then is left out.`}
            >
              <NotificationPreferencesForm settings={settings} mailEnabled={mailEnabled} />
            </Card>
          </section>
        )}
        <Card title="Delete my account" description="Your account and your sign-in are removed for good; what you did stays in each team's history under your name.">
          <Link href="/account/delete" className="text-sm font-medium text-red-700 hover:underline">
            Delete my account…
          </Link>
        </Card>
      </div>
    </main>
  );
}
