"use client";

import { signOut } from "@/app/(auth)/actions";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";

export function SignOutItem() {
  return (
    <DropdownMenuItem onSelect={() => void signOut()}>
      Sign out
    </DropdownMenuItem>
  );
}
