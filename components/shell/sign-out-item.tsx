"use client";

import { signOut } from "@/lib/server/actions/auth";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";

export function SignOutItem() {
  return (
    <DropdownMenuItem onSelect={() => void signOut()}>
      Sign out
    </DropdownMenuItem>
  );
}
