"use client";

import { useClerk } from "@clerk/nextjs";
import { useEffect } from "react";

// Rendered only with Clerk, once the Shipshape account is deleted: ends the
// Clerk session in this browser and goes to the sign-in page.
export function ClerkSignOutNow() {
  const { signOut } = useClerk();
  useEffect(() => {
    void signOut({ redirectUrl: "/sign-in" });
  }, [signOut]);
  return <p className="text-sm text-slate-600">Your account has been deleted. Signing you out…</p>;
}
