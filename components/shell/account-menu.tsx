"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeMenuItems } from "./theme-menu-items";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export function AccountMenu({ name, email, role, signOut }: { name: string; email: string; role: string; signOut: ReactNode }) {
  const initials = name.split(/\s+/).map((part) => part[0]).join("").slice(0, 2).toUpperCase();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="grid size-8 place-items-center rounded-full bg-white/15 text-xs font-semibold text-white hover:bg-white/25 focus-visible:outline-2 focus-visible:outline-white"
        aria-label={`Account menu (${initials})`}
      >
        {initials}
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>
          <span className="block text-sm font-semibold text-slate-900">{name}</span>
          <span className="block">{email}</span>
          <span className="block">{role}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">Your account</Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <ThemeMenuItems />
        <DropdownMenuSeparator />
        {signOut}
        <DropdownMenuItem asChild className="text-red-700 data-[highlighted]:bg-red-50 data-[highlighted]:text-red-800">
          <Link href="/account/delete">Delete my account…</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
