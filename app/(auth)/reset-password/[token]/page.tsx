import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { config } from "@/lib/server/kernel/config";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// Whether the link is still good is told on submission: looking it up here
// would let anyone probe tokens without spending them.
export default async function ResetPasswordPage({ params }: Props) {
  if (config().clerkEnabled) redirect("/sign-in");
  const { token } = await params;
  return (
    <AuthCard title="Choose a new password" subtitle="Setting it signs your account out everywhere; then sign in with the new one.">
      <ResetPasswordForm token={token} />
      <p className="mt-6 text-center text-xs text-slate-500">
        <Link className="font-medium text-indigo-600 hover:underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
