import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { timeZoneOptions } from "@/lib/domain/time-zone";
import { currentIdentity } from "@/lib/server/identity/identity";
import { config } from "@/lib/server/kernel/config";
import { isSetupOpen } from "@/lib/server/services/setup";

export const metadata: Metadata = { title: "Set up Shipshape" };

export default async function SetupPage() {
  if (!(await isSetupOpen())) redirect("/sign-in");
  const clerk = config().clerkEnabled;
  if (clerk && !(await currentIdentity())) redirect("/sign-in?next=/setup");
  return (
    <AuthCard
      title="Welcome to Shipshape"
      subtitle="Create the first account and its team. This account becomes the team's admin; everyone else joins by invitation."
    >
      <SetupForm withAccount={!clerk} timeZones={timeZoneOptions(new Date())} />
    </AuthCard>
  );
}
