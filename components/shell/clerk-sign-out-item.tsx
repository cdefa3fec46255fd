"use client";

import { SignOutButton } from "@clerk/nextjs";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";

// Rendered only when Clerk is the identity provider.
export function ClerkSignOutItem() {
  return (
    <SignOutButton redirectUrl="/sign-in">
      <DropdownMenuItem>Sign out</DropdownMenuItem>
    </SignOutButton>
  );
}
