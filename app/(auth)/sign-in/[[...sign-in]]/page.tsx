import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { safeNextPath } from "@/lib/domain/next-path";
import { currentIdentity } from "@/lib/server/identity/identity";
import { config } from "@/lib/server/kernel/config";
import { isSetupOpen } from "@/lib/server/services/setup";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; email?: string; accountDeleted?: string; passwordReset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next, email, accountDeleted, passwordReset } = await searchParams;
  const target = safeNextPath(next);
  if (config().clerkEnabled) {
    const { SignIn } = await import("@clerk/nextjs");
    return (
      <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
        <SignIn forceRedirectUrl={target} />
      </main>
    );
  }
  if (await isSetupOpen()) redirect("/setup");
  if (await currentIdentity()) redirect(target);
  return (
    <AuthCard title="Sign in to Shipshape" subtitle="Track what stands between your team and launch.">
      {accountDeleted && (
        <div className="mb-4">
          <Alert tone="success">Your account has been deleted.</Alert>
        </div>
      )}
      {passwordReset && (
        <div className="mb-4">
          <Alert tone="success">Your password has been changed. Sign in with the new one.</Alert>
        </div>
      )}
      <SignInForm next={target} email={email} />
      <p className="mt-3 text-right text-sm">
        <Link className="font-medium text-indigo-600 hover:underline" href="/forgot-password">
          Forgot password?
        </Link>
      </p>
      <p className="mt-6 text-center text-xs text-slate-500">
        New here? Accounts are created from an invitation link sent by your team&apos;s admin.{" "}
        <Link className="font-medium text-indigo-600 hover:underline" href="/">
          Back to Shipshape
        </Link>
      </p>
    </AuthCard>
  );
}
