import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireIdentity } from "@/lib/server/access/current-actor";
import { config } from "@/lib/server/kernel/config";
import { accountDeletionPlan } from "@/lib/server/services/account-deletion";

export const metadata: Metadata = { title: "Delete my account" };

// Outside the team shell: a person who belongs to no team may delete their
// account too.
export default async function AccountPage() {
  const identity = await requireIdentity();
  const teams = await accountDeletionPlan(identity);
  const clerk = config().clerkEnabled;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      <Link href="/account" className="mb-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
        ← Your account
      </Link>
      <PageHeader
        title="Delete my account"
        description={
          <>
            {identity.name} · {identity.email}. Your account and your sign-in are removed for good; what you did stays in each team&apos;s history under your name.
            {clerk && " Your sign-in itself is managed by your organisation's identity provider; this removes your Shipshape account."}
          </>
        }
      />
      <DeleteAccountForm email={identity.email} teams={teams} />
    </main>
  );
}
