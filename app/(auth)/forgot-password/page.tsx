import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { config } from "@/lib/server/kernel/config";

export const metadata: Metadata = { title: "Forgot password" };

// By e-mail when this installation sends mail; otherwise an admin of the
// person's team creates a reset link on the Members page.
export default function ForgotPasswordPage() {
  const { clerkEnabled, mailEnabled } = config();
  if (clerkEnabled) redirect("/sign-in");
  return (
    <AuthCard title="Forgot your password?" subtitle={mailEnabled ? "Enter your e-mail address and we send you a link to choose a new one." : undefined}>
      {mailEnabled ? (
        <ForgotPasswordForm />
      ) : (
        <p className="text-sm text-slate-700">
          This installation sends no e-mail. Ask an admin of your team for a password reset link: they can create one on the Members page.
        </p>
      )}
      <p className="mt-6 text-center text-xs text-slate-500">
        <Link className="font-medium text-indigo-600 hover:underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
